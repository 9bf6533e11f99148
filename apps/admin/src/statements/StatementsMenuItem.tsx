import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Menu, usePermissions } from 'react-admin';
import { canRoleAccess, type Role } from '../access';

/**
 * The menu entry to one's own monthly statement: a coordinator's hospital invoice, a volunteer's
 * honoraria and transport (staff have the statements of everyone under exports).
 */
export const StatementsMenuItem = () => {
  const { permissions } = usePermissions<Role>();
  if (!canRoleAccess(permissions, 'statements', 'own')) return null;
  return <Menu.Item to="/statements" primaryText="app.desk.statements.menu" leftIcon={<ReceiptLongIcon />} />;
};
