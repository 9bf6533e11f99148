import {
  Edit,
  required,
  SaveButton,
  SelectInput,
  ShowButton,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
} from 'react-admin';
import { FormServerError } from '../../layout/FormServerError';
import { localeChoices, roleChoices } from './choices';
import { ScopeInputs, withScopeForRole } from './ScopeInputs';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/** Pessimistic: the API may refuse (scope rules), and its field errors land on the inputs. */
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<Actions />} transform={withScopeForRole}>
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <FormServerError />
      <TextInput source="email" readOnly />
      <TextInput source="displayName" validate={required()} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <SelectInput source="locale" choices={localeChoices} validate={required()} />
      <ScopeInputs />
    </SimpleForm>
  </Edit>
);
