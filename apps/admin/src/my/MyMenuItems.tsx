import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import SchoolIcon from '@mui/icons-material/School';
import { Menu, usePermissions } from 'react-admin';
import { canRoleAccess, type Role } from '../access';

/** Menu entries for the volunteer's own pages, shown to the roles access.ts lets in. */
export const MyMenuItems = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <>
      {canRoleAccess(permissions, 'my', 'availability') && (
        <Menu.Item
          to="/my/availability"
          primaryText="app.registry.menu.my_availability"
          leftIcon={<EventAvailableIcon />}
        />
      )}
      {canRoleAccess(permissions, 'my', 'training') && (
        <Menu.Item to="/my/training" primaryText="app.registry.menu.my_training" leftIcon={<SchoolIcon />} />
      )}
    </>
  );
};
