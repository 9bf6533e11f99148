import { FormDataConsumer, required, TextInput } from 'react-admin';

/**
 * A coordinator belongs to a hospital, a volunteer account to a volunteer record. Until the
 * hospitals and volunteers pages exist these are IDs; they become reference pickers then.
 */
export const ScopeInputs = () => (
  <FormDataConsumer<{ role?: string }>>
    {({ formData }) =>
      formData.role === 'coordinator' ? (
        <TextInput source="hospitalId" validate={required()} helperText="app.users.hospital_hint" />
      ) : formData.role === 'volunteer' ? (
        <TextInput source="volunteerId" validate={required()} helperText="app.users.volunteer_hint" />
      ) : null
    }
  </FormDataConsumer>
);

/** Only the scope field the role has; the other is cleared (the API refuses a stray one). */
export function withScopeForRole<T extends { role?: string; hospitalId?: unknown; volunteerId?: unknown }>(data: T): T {
  return {
    ...data,
    hospitalId: data.role === 'coordinator' ? data.hospitalId || null : null,
    volunteerId: data.role === 'volunteer' ? data.volunteerId || null : null,
  };
}
