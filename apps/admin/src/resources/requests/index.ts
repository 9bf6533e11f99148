import AssignmentIcon from '@mui/icons-material/Assignment';
import type { ResourceDefinition } from '../types';
import { RequestCreate } from './RequestCreate';
import { RequestList } from './RequestList';
import { RequestShow } from './RequestShow';

/** Interpretation requests (通訳依頼), on /api/requests: coordinators file, staff work them. */
const requests: ResourceDefinition = {
  list: RequestList,
  create: RequestCreate,
  show: RequestShow,
  icon: AssignmentIcon,
};

export default requests;
