/** GET /api/audit-log rows (apps/api/src/audit/dto/audit.dto.ts AuditView). */
export interface AuditRecord {
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, string | number | boolean | null> | null;
}
