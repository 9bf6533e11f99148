import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Hospital, InterpretationRequest, NotFoundError } from '@app/domain';
import {
  meetsHardRules,
  prepareRequest,
  RankResult,
  rankCandidates,
  RequestSnapshot,
  roomUnderCap,
  VolunteerSnapshot,
} from '@app/matching';
import { Clock } from '../common/clock';
import type { OfferHistoryEntry } from '@app/domain/model';
import { ContactedRankResult, offerHistory, withContact } from '../offers/offer-history';
import { requestSnapshot, VolunteerSnapshots } from './volunteer-snapshots';

/**
 * Candidates for a request. SQL narrows the pool to volunteers who list the request's language
 * at all (someone who does not speak it is not worth a line in the staff's list); the matching
 * library applies every rule and ranks.
 */
@Injectable()
export class CandidatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: VolunteerSnapshots,
    private readonly clock: Clock,
  ) {}

  async forRequest(
    requestId: string,
    role: RequestSnapshot['role'] = 'primary',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RankResult> {
    const request = await manager.findOne(InterpretationRequest, { where: { id: requestId } });
    if (!request) throw new NotFoundError('Request');
    return this.rank(manager, request, role);
  }

  /** Staff's view: the ranking with each volunteer's phone and whether they were already asked. */
  async forStaff(requestId: string, role: RequestSnapshot['role'] = 'primary'): Promise<ContactedRankResult> {
    const manager = this.dataSource.manager;
    const request = await manager.findOne(InterpretationRequest, { where: { id: requestId } });
    if (!request) throw new NotFoundError('Request');
    // A filled request: the interpreter's own dispatch for this very visit is no clash with it.
    // (Only the one volunteer who holds it is copied: the pool runs to thousands.)
    const { snapshot, volunteers, phones, now } = await this.load(manager, request, role, (v) =>
      v.dispatches.some((d) => d.requestId === request.id)
        ? { ...v, dispatches: v.dispatches.filter((d) => d.requestId !== request.id) }
        : v,
    );
    const ranked = rankCandidates({ request: snapshot, volunteers, now });
    return withContact(manager, request, ranked, phones, role);
  }

  /** Who was asked, when, and what they answered (staff). */
  async offerHistory(requestId: string): Promise<OfferHistoryEntry[]> {
    const manager = this.dataSource.manager;
    if (!(await manager.exists(InterpretationRequest, { where: { id: requestId } })))
      throw new NotFoundError('Request');
    return offerHistory(manager, requestId);
  }

  async rank(
    manager: EntityManager,
    request: InterpretationRequest,
    role: RequestSnapshot['role'] = 'primary',
  ): Promise<RankResult> {
    const { snapshot, volunteers, now } = await this.load(manager, request, role);
    return rankCandidates({ request: snapshot, volunteers, now });
  }

  /**
   * The ranking, and for each volunteer in it the dispatches left under their monthly cap in the
   * visit's month (`roomUnderCap`, the MONTHLY_CAP rule's own count): what a wave ordered by room
   * needs; with the request's hospital, read for the ranking, which the wave's mail names.
   */
  async rankWithRoom(
    manager: EntityManager,
    request: InterpretationRequest,
  ): Promise<{ ranked: RankResult; room: Map<string, number>; hospital: Hospital }> {
    const { snapshot, volunteers, now, hospital } = await this.load(manager, request, 'primary');
    const prepared = prepareRequest(snapshot, now);
    return {
      ranked: rankCandidates({ request: snapshot, volunteers, now }),
      room: new Map(volunteers.map((v) => [v.id, roomUnderCap(prepared, v)])),
      hospital,
    };
  }

  /**
   * The request's snapshot and its language's volunteers (passed through `adjust` when given).
   * History and response rates are read only for those who pass the hard rules: nobody else is scored.
   */
  private async load(
    manager: EntityManager,
    request: InterpretationRequest,
    role: RequestSnapshot['role'],
    adjust: (v: VolunteerSnapshot) => VolunteerSnapshot = (v) => v,
  ) {
    const hospital = await manager.findOneOrFail(Hospital, { where: { id: request.hospitalId } });
    const now = this.clock.now();
    const snapshot = requestSnapshot(request, hospital.area, role);
    const prepared = prepareRequest(snapshot, now.getTime());
    const { snapshots, phones } = await this.snapshots.read(
      manager,
      { language: request.language },
      { visitStartsAt: request.startsAt, visitEndsAt: request.endsAt, now },
      (v) => meetsHardRules(prepared, adjust(v)),
    );
    // Adjusted after the build: the scored fields are filled in by then.
    const volunteers = snapshots.map(adjust);
    return { snapshot, volunteers, phones, now: now.getTime(), hospital };
  }
}
