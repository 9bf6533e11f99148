import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StatusTransition } from '@app/domain';
import { Clock } from '../common/clock';
import { AuditService } from '../audit/audit.service';
import { statementBatches, valuesList } from '../database/values-list';

const TRANSITION_CASTS = ['', 'uuid', '', '', '', 'uuid', '', 'timestamptz'] as const;

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
 * the workflow log and the audit trail (so a state change and its audit line commit together),
 * both in one statement.
 */
@Injectable()
export class WorkflowLog {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async record(manager: EntityManager, ...records: TransitionRecord[]): Promise<void> {
    const at = this.clock.now();
    for (const batch of statementBatches(records)) {
      const transitions = batch.flatMap((r) => [
        r.subjectType,
        r.subjectId,
        r.from,
        r.to,
        r.event,
        r.actorId,
        r.reason ?? null,
        at,
      ]);
      const audit = this.audit.insertion(
        batch.map((r) => ({
          actor: r.actorId ? { id: r.actorId } : null,
          action: `${r.subjectType}.${r.event}`,
          objectType: r.subjectType,
          objectId: r.subjectId,
          details: { from: r.from, to: r.to, reason: r.reason ?? null },
        })),
        transitions.length,
        at,
      );
      // One statement for both: the log's rows in a data-modifying WITH, the audit lines after it.
      await manager.query(
        `WITH logged AS (
           INSERT INTO status_transitions (subject_type, subject_id, from_status, to_status, event, actor_id, reason, at)
           VALUES ${valuesList(batch.length, TRANSITION_CASTS)})
         ${audit.sql}`,
        [...transitions, ...audit.parameters],
      );
    }
  }

  history(manager: EntityManager, subjectId: string): Promise<StatusTransition[]> {
    return manager.find(StatusTransition, { where: { subjectId }, order: { at: 'ASC' } });
  }
}
