import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const RequestCreate = lazyPage(() => import('./RequestCreate').then((m) => m.RequestCreate));
const RequestList = lazyPage(() => import('./RequestList').then((m) => m.RequestList));
const RequestShow = lazyPage(() => import('./RequestShow').then((m) => m.RequestShow));

/** Interpretation requests (通訳依頼), on /api/requests: coordinators file, staff work them. */
const requests: ResourceDefinition = {
  list: RequestList,
  create: RequestCreate,
  show: RequestShow,
  icon: AssignmentIcon,
};

export default requests;
