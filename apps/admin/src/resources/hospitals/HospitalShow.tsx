import { Box, Card, CardContent, Divider, Typography } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  Datagrid,
  EditButton,
  EmailField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { canRoleAccess, type Role } from '../../access';
import { AddCoordinatorForm } from './AddCoordinatorForm';

const Actions = () => {
  const { permissions } = usePermissions<Role>();
  return <TopToolbar>{canRoleAccess(permissions, 'hospitals', 'edit') && <EditButton />}</TopToolbar>;
};

/** The hospital's coordinator accounts and, for staff, the form to add one. */
const Coordinators = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  if (!record) return null;
  return (
    <Box sx={{ px: { xs: 1, sm: 2 }, pb: 2 }}>
      <Card variant="outlined" data-testid="coordinators">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('resources.hospitals.fields.coordinators')}
          </Typography>
          <ArrayField source="coordinators">
            <Datagrid
              bulkActionButtons={false}
              rowClick={false}
              empty={<Typography color="text.secondary">{translate('app.registry.hospitals.no_coordinators')}</Typography>}
              sx={{ '& td, & th': { px: 1 } }}
            >
              <TextField source="displayName" label="resources.users.fields.displayName" />
              <EmailField source="email" label="resources.users.fields.email" />
              <BooleanField source="active" label="resources.users.fields.active" />
            </Datagrid>
          </ArrayField>
          {canRoleAccess(permissions, 'hospitals', 'coordinators') && (
            <>
              <Divider sx={{ my: 2 }} />
              <AddCoordinatorForm hospitalId={record.id} />
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};

/** A hospital with its coordinator accounts (GET /api/hospitals/:id). */
export const HospitalShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="area" />
      <TextField source="address" emptyText="—" />
      <TextField source="phone" emptyText="—" />
      <BooleanField source="active" />
    </SimpleShowLayout>
    <Coordinators />
  </Show>
);
