import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from '@app/domain';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { Page } from '../common/pagination.dto';
import { AuditListQueryDto, AuditView } from './dto/audit.dto';
import { currentRequestContext } from './request-context';

export interface AuditRecord {
  /** The signed-in user (role taken from the request when not given); null for the system or a public (token) call. */
  actor: { id: string; role?: Actor['role'] } | null;
  /** `system` for timers; `public` for signed links. Defaults to the actor's role or `system`. */
  actorRole?: string;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  details?: Record<string, string | number | boolean | null> | null;
}

/**
 * The audit trail: who read patient details, who changed what, what the retention sweep erased.
 * Writes in the caller's transaction when given one, so the read or change and its audit line
 * stand or fall together. The request id and address come from the HTTP request being served.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager | null, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const { requestId, ip, actorRole } = currentRequestContext();
    const at = this.clock.now();
    await (manager ?? this.dataSource.manager).insert(
      AuditEntry,
      records.map((r) => ({
        at,
        actorId: r.actor?.id ?? null,
        actorRole: r.actorRole ?? r.actor?.role ?? (r.actor ? actorRole : null) ?? (r.actor ? 'user' : 'system'),
        action: r.action,
        objectType: r.objectType ?? null,
        objectId: r.objectId ?? null,
        requestId,
        ip,
        details: r.details ?? null,
      })),
    );
  }

  /** The trail, newest first, filtered (admin). */
  async list(query: AuditListQueryDto): Promise<Page<AuditView>> {
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (query.actor) qb.andWhere('a.actor_id = :actor', { actor: query.actor });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.objectType) qb.andWhere('a.object_type = :objectType', { objectType: query.objectType });
    if (query.objectId) qb.andWhere('a.object_id = :objectId', { objectId: query.objectId });
    if (query.from) qb.andWhere('a.at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('a.at < :to', { to: new Date(query.to) });
    const order = (query.order ?? 'DESC').toUpperCase() === 'ASC' ? 'ASC' : 'DESC';
    const [rows, total] = await qb
      .orderBy('a.at', order)
      .addOrderBy('a.id', order)
      .skip(query.skip)
      .take(query.perPage)
      .getManyAndCount();
    return { data: rows.map(auditView), total };
  }
}

function auditView(a: AuditEntry): AuditView {
  return {
    id: a.id,
    at: a.at.toISOString(),
    actorId: a.actorId,
    actorRole: a.actorRole,
    action: a.action,
    objectType: a.objectType,
    objectId: a.objectId,
    requestId: a.requestId,
    ip: a.ip,
    details: a.details,
  };
}
