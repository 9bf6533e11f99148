import { BooleanInput, required, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar } from 'react-admin';
import { FormServerError } from '../../layout/FormServerError';
import { AREA_CHOICES } from '../volunteers/fields';

/** Name, address, area (the API's Kumamoto areas, used for travel times), phone and whether it is active. */
export const HospitalForm = () => (
  <SimpleForm
    defaultValues={{ active: true }}
    toolbar={
      <Toolbar>
        <SaveButton />
      </Toolbar>
    }
  >
    <FormServerError />
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="address" fullWidth />
    <SelectInput source="area" choices={AREA_CHOICES} validate={required()} />
    <TextInput source="phone" type="tel" />
    <BooleanInput source="active" />
  </SimpleForm>
);

/** The API keeps an address as text: an emptied box is '' rather than null. */
export function toHospitalBody(data: Record<string, unknown>): Record<string, unknown> {
  const { coordinators: _coordinators, ...body } = data;
  return { ...body, address: body.address ?? '' };
}
