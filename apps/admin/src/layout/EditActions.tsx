import { EditButton, TopToolbar, usePermissions } from 'react-admin';
import { canRoleAccess, type Role } from '../access';

/** A show page's toolbar: Edit, for the roles that may edit `resource`. */
export const EditActions = ({ resource }: { resource: string }) => {
  const { permissions } = usePermissions<Role>();
  return <TopToolbar>{canRoleAccess(permissions, resource, 'edit') && <EditButton />}</TopToolbar>;
};
