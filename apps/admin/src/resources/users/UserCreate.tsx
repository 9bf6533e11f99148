import { Create, email, minLength, PasswordInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { FormServerError } from '../../layout/FormServerError';
import { localeChoices, roleChoices } from './choices';
import { ScopeInputs, withScopeForRole } from './ScopeInputs';

/** Sends only what was filled in: an empty password means "invite by e-mail". */
function toCreateBody(data: Record<string, unknown>) {
  const scoped = withScopeForRole(data);
  return Object.fromEntries(
    Object.entries(scoped).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  );
}

export const UserCreate = () => (
  <Create redirect="show" transform={toCreateBody}>
    <SimpleForm defaultValues={{ role: 'staff', locale: 'ja' }}>
      <FormServerError />
      <TextInput source="email" type="email" validate={[required(), email()]} />
      <TextInput source="displayName" validate={required()} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <SelectInput source="locale" choices={localeChoices} validate={required()} />
      <ScopeInputs />
      <PasswordInput
        source="password"
        validate={minLength(10)}
        helperText="app.users.password_hint"
        autoComplete="new-password"
      />
    </SimpleForm>
  </Create>
);
