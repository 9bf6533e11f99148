import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Menu, usePermissions } from 'react-admin';
import type { Role } from '../access';

/**
 * The coordinator's menu entry to their hospital's monthly statement. A volunteer's entry sits
 * with their own pages (my/MyMenuItems.tsx).
 */
export const StatementsMenuItem = () => {
  const { permissions } = usePermissions<Role>();
  if (permissions !== 'coordinator') return null;
  return <Menu.Item to="/statements" primaryText="app.desk.statements.menu" leftIcon={<ReceiptLongIcon />} />;
};
