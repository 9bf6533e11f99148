import SecurityIcon from '@mui/icons-material/Security';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { useGetIdentity, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';

/** The user menu's way to the two-factor page, for staff and admins (the roles that have it). */
export const TwoFactorMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const { identity } = useGetIdentity();
  if (identity?.role !== 'staff' && identity?.role !== 'admin') return null;
  return (
    <MenuItem ref={ref} component={Link} to="/security" onClick={() => userMenu?.onClose()} {...props}>
      <ListItemIcon>
        <SecurityIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.two_factor.menu')}</ListItemText>
    </MenuItem>
  );
});
TwoFactorMenuItem.displayName = 'TwoFactorMenuItem';
