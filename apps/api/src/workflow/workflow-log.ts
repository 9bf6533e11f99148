import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StatusTransition } from '@app/domain';
import { Clock } from '../common/clock';
import { AuditService } from '../audit/audit.service';

export interface TransitionRecord {
  subjectType: StatusTransition['subjectType'];
  subjectId: string;
  from: string | null;
  to: string;
  event: string;
  actorId: string | null;
  reason?: string | null;
}

/**
 * Writes the who/when/from/to/why of every workflow transition, in the caller's transaction, to
 * the workflow log and the audit trail (so a state change and its audit line commit together).
 */
@Injectable()
export class WorkflowLog {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async record(manager: EntityManager, ...records: TransitionRecord[]): Promise<void> {
    if (records.length === 0) return;
    const at = this.clock.now();
    await manager.insert(
      StatusTransition,
      records.map((r) => ({
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        fromStatus: r.from,
        toStatus: r.to,
        event: r.event,
        actorId: r.actorId,
        reason: r.reason ?? null,
        at,
      })),
    );
    await this.audit.record(
      manager,
      ...records.map((r) => ({
        actor: r.actorId ? { id: r.actorId } : null,
        action: `${r.subjectType}.${r.event}`,
        objectType: r.subjectType,
        objectId: r.subjectId,
        details: { from: r.from, to: r.to, reason: r.reason ?? null },
      })),
    );
  }

  history(manager: EntityManager, subjectId: string): Promise<StatusTransition[]> {
    return manager.find(StatusTransition, { where: { subjectId }, order: { at: 'ASC' } });
  }
}
