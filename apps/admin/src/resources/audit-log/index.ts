import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const AuditList = lazyPage(() => import('./AuditList').then((m) => m.AuditList));

/** The audit trail, on /api/audit-log: admins read it (see access.ts). */
const auditLog: ResourceDefinition = { list: AuditList, icon: ManageSearchIcon };

export default auditLog;
