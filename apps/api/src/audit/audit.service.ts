import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from '@app/domain';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { Page } from '../common/pagination.dto';
import { AuditListQueryDto, AuditView } from './dto/audit.dto';
import { ROWS_PER_STATEMENT, statementBatches, valuesList } from '../database/values-list';
import { currentRequestContext } from './request-context';

const AUDIT_CASTS = ['timestamptz', 'uuid', '', '', '', '', '', '', 'jsonb'] as const;

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
    // Lines that take more than one statement are written in one transaction even without the caller's.
    if (!manager && records.length > ROWS_PER_STATEMENT)
      return this.dataSource.transaction((m) => this.record(m, ...records));
    const at = this.clock.now();
    for (const batch of statementBatches(records)) {
      const { sql, parameters } = this.insertion(batch, 0, at);
      await (manager ?? this.dataSource.manager).query(sql, parameters);
    }
  }

  /**
   * The INSERT of `records` as SQL and its parameters, numbered from `$offset + 1`: for a caller
   * that writes its own rows and their audit lines in one statement (the workflow log). At most
   * {@link ROWS_PER_STATEMENT} records, all stamped `at`.
   */
  insertion(records: AuditRecord[], offset = 0, at = this.clock.now()): { sql: string; parameters: unknown[] } {
    if (records.length > ROWS_PER_STATEMENT)
      throw new Error(`At most ${ROWS_PER_STATEMENT} audit lines a statement, not ${records.length}`);
    const { requestId, ip, actorRole } = currentRequestContext();
    const parameters = records.flatMap((r) => [
      at,
      r.actor?.id ?? null,
      r.actorRole ?? r.actor?.role ?? (r.actor ? actorRole : null) ?? (r.actor ? 'user' : 'system'),
      r.action,
      r.objectType ?? null,
      r.objectId ?? null,
      requestId,
      ip,
      r.details ? JSON.stringify(r.details) : null,
    ]);
    return {
      sql: `INSERT INTO audit_log (at, actor_id, actor_role, action, object_type, object_id, request_id, ip, details)
            VALUES ${valuesList(records.length, AUDIT_CASTS, offset)}`,
      parameters,
    };
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
