import PeopleIcon from '@mui/icons-material/People';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const UserCreate = lazyPage(() => import('./UserCreate').then((m) => m.UserCreate));
const UserEdit = lazyPage(() => import('./UserEdit').then((m) => m.UserEdit));
const UserList = lazyPage(() => import('./UserList').then((m) => m.UserList));
const UserShow = lazyPage(() => import('./UserShow').then((m) => m.UserShow));

/** Accounts (admin only: see access.ts), on /api/users. */
const users: ResourceDefinition = {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  show: UserShow,
  icon: PeopleIcon,
  recordRepresentation: 'displayName',
};

export default users;
