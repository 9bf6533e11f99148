import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import type { ResourceDefinition } from '../types';
import { AuditList } from './AuditList';

/** The audit trail, on /api/audit-log: admins read it (see access.ts). */
const auditLog: ResourceDefinition = { list: AuditList, icon: ManageSearchIcon };

export default auditLog;
