import { Injectable } from '@nestjs/common';
import { Dispatch, Hospital, InterpretationRequest, Locale } from '@app/domain';
import { EntityManager } from 'typeorm';
import { loadVisitDetails } from '../dispatches/visit-details';
import { VisitForCalendar } from './visit-event';

/** Loads what a dispatch's calendar entry says, and the language its volunteer reads. */
@Injectable()
export class VisitCalendars {
  async load(
    manager: EntityManager,
    dispatch: Dispatch,
    known: { request?: InterpretationRequest; hospital?: Hospital } = {},
  ): Promise<VisitForCalendar> {
    const request =
      known.request ?? (await manager.findOneOrFail(InterpretationRequest, { where: { id: dispatch.requestId } }));
    const hospital = known.hospital ?? (await manager.findOneOrFail(Hospital, { where: { id: request.hospitalId } }));
    const [{ moves }]: { moves: number }[] = await manager.query(
      `SELECT count(*)::int AS moves FROM status_transitions
        WHERE subject_type = 'dispatch' AND subject_id = $1 AND event = 'reschedule'`,
      [dispatch.id],
    );
    return { dispatch, request, hospital, sequence: moves, ...(await this.coordinator(manager, request)) };
  }

  /** The volunteer's language: their account's, Japanese without one. */
  async localeOf(manager: EntityManager, volunteerId: string): Promise<Locale> {
    const [row]: { locale: Locale }[] = await manager.query(
      `SELECT locale FROM users WHERE volunteer_id = $1 ORDER BY active DESC, created_at LIMIT 1`,
      [volunteerId],
    );
    return row?.locale ?? 'ja';
  }

  /** Whom to ask for: the same contact as the dispatch view and the day's mails (loadVisitDetails). */
  private async coordinator(
    manager: EntityManager,
    request: InterpretationRequest,
  ): Promise<{ coordinatorName: string | null; coordinatorPhone: string | null }> {
    const visit = (await loadVisitDetails(manager, [request])).get(request.id);
    return { coordinatorName: visit?.coordinatorName ?? null, coordinatorPhone: visit?.coordinatorPhone ?? null };
  }
}
