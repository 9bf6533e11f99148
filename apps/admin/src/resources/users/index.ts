import PeopleIcon from '@mui/icons-material/People';
import type { ResourceDefinition } from '../types';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

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
