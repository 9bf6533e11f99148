import { ArrayField, BooleanField, Datagrid, EmailField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';

/** A hospital with its coordinator accounts (GET /api/hospitals/:id). */
export const HospitalShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="area" />
      <TextField source="address" emptyText="—" />
      <TextField source="phone" emptyText="—" />
      <BooleanField source="active" />
      <Labeled label="resources.hospitals.fields.coordinators" fullWidth>
        <ArrayField source="coordinators">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<span>—</span>} sx={{ '& td, & th': { px: 1 } }}>
            <TextField source="displayName" label="resources.users.fields.displayName" />
            <EmailField source="email" label="resources.users.fields.email" />
            <BooleanField source="active" label="resources.users.fields.active" />
          </Datagrid>
        </ArrayField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
