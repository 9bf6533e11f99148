import { Box, Divider, Typography } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  Datagrid,
  EmailField,
  Show,
  SimpleShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { canRoleAccess, type Role } from '../../access';
import { EditActions } from '../../layout/EditActions';
import { TitledCard } from '../../layout/TitledCard';
import { AddCoordinatorForm } from './AddCoordinatorForm';
import { InvoiceDownload } from '../../documents/InvoiceDownload';

/** The hospital's coordinator accounts and, for staff, the form to add one and its monthly invoice. */
const Coordinators = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  if (!record) return null;
  return (
    <Box sx={{ px: { xs: 1, sm: 2 }, pb: 2 }}>
      <TitledCard outlined title="resources.hospitals.fields.coordinators" testId="coordinators">
        <ArrayField source="coordinators">
          <Datagrid
            bulkActionButtons={false}
            rowClick={false}
            empty={
              <Typography color="text.secondary">{translate('app.registry.hospitals.no_coordinators')}</Typography>
            }
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
      </TitledCard>
      {canRoleAccess(permissions, 'exports', 'list') && (
        <TitledCard outlined sx={{ mt: 2 }} title="app.documents.invoice_title" testId="hospital-invoice">
          <InvoiceDownload hospitalId={record.id} />
        </TitledCard>
      )}
    </Box>
  );
};

/** A hospital with its coordinator accounts (GET /api/hospitals/:id). */
export const HospitalShow = () => (
  <Show actions={<EditActions resource="hospitals" />}>
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
