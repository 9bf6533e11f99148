import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef, useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  AppBar,
  Layout,
  LoadingIndicator,
  Logout,
  Menu,
  UserMenu,
  useGetIdentity,
  useLocaleState,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { MyMenuItems } from '../my/MyMenuItems';
import { OperationsMenuItems } from '../figures/OperationsMenuItems';
import { DocumentTitle } from './AppTitle';
import { StatementsMenuItem } from '../statements/StatementsMenuItem';
import { LanguageMenu } from './LanguageMenu';
import { TwoFactorMenuItem } from '../two-factor/TwoFactorMenuItem';
import { SignedIn } from './SignedIn';

const ProfileMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem ref={ref} component={Link} to="/profile" onClick={() => userMenu?.onClose()} {...props}>
      <ListItemIcon>
        <AccountCircleIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.menu.profile')}</ListItemText>
    </MenuItem>
  );
});
ProfileMenuItem.displayName = 'ProfileMenuItem';

const AppUserMenu = () => (
  <UserMenu>
    <ProfileMenuItem />
    <TwoFactorMenuItem />
    <Logout />
  </UserMenu>
);

const AppAppBar = () => (
  <AppBar
    color="primary"
    userMenu={<AppUserMenu />}
    toolbar={
      <>
        <LanguageMenu />
        <LoadingIndicator />
      </>
    }
  />
);

/** Dashboard, the resources this role may open (canAccess filters them), and the profile. */
export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.ResourceItems />
    <MyMenuItems />
    <StatementsMenuItem />
    <OperationsMenuItems />
    <Menu.Item to="/profile" primaryText="app.menu.profile" leftIcon={<AccountCircleIcon />} />
  </Menu>
);

const APPLIED_KEY = 'dispatch.localeAppliedFor';

/** Once per sign-in, the UI takes the language saved in the user's profile. */
const UserLocale = () => {
  const { identity } = useGetIdentity();
  const [locale, setLocale] = useLocaleState();
  useEffect(() => {
    if (!identity || sessionStorage.getItem(APPLIED_KEY) === String(identity.id)) return;
    sessionStorage.setItem(APPLIED_KEY, String(identity.id));
    if (identity.locale && identity.locale !== locale) setLocale(identity.locale);
  }, [identity, locale, setLocale]);
  return null;
};

/** Signed out, every page of the layout leads to sign-in and back (SignedIn). */
export const AppLayout = ({ children }: { children: ReactNode }) => (
  <SignedIn>
    <Layout appBar={AppAppBar} menu={AppMenu}>
      <UserLocale />
      <DocumentTitle />
      {children}
    </Layout>
  </SignedIn>
);
