import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ConflictError,
  Dispatch,
  Errors,
  Hospital,
  InterpretationRequest,
  InvalidError,
  NotFoundError,
  OPEN_REQUEST_STATUSES,
} from '@app/domain';
import { findSwaps, freeingDispatches, RequestSnapshot, SWAP_MIN_NOTICE_MS, VolunteerSnapshot } from '@app/matching';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { lockOne, lockVisit } from '../access/locks';
import { DispatchesService, DispatchView } from '../dispatches/dispatches.service';
import { requestSnapshot, VolunteerSnapshots } from '../matching/volunteer-snapshots';
import { OffersService } from '../offers/offers.service';

/** A request still waiting for an interpreter (the model's set). */
const OPEN: readonly string[] = OPEN_REQUEST_STATUSES;

/** What staff see of one swap: no patient details, only what they need to phone two volunteers. */
export interface SwapView {
  volunteerId: string;
  displayName: string;
  /** Their score for the request once freed. */
  score: number;
  releases: {
    dispatchId: string;
    requestId: string;
    language: string;
    startsAt: string;
    endsAt: string;
    hospitalName: string;
  };
  cover: { volunteerId: string; displayName: string }[];
}

/**
 * Staff swaps for a request nobody free can take (`findSwaps` of the matching library): a
 * volunteer kept from it only by one confirmed dispatch hands that dispatch on to someone who
 * can take it, and takes the request. Staff phone both first; the swap itself is one transaction.
 */
@Injectable()
export class SwapsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: VolunteerSnapshots,
    private readonly dispatches: DispatchesService,
    private readonly offers: OffersService,
    private readonly clock: Clock,
  ) {}

  async options(requestId: string): Promise<SwapView[]> {
    const manager = this.dataSource.manager;
    const request = await manager.findOne(InterpretationRequest, { where: { id: requestId } });
    if (!request) throw new NotFoundError('Request');
    if (!OPEN.includes(request.status)) return [];
    const now = this.clock.now();
    const scope = { visitStartsAt: request.startsAt, visitEndsAt: request.endsAt, now };
    const holders = await this.snapshots.build(manager, { language: request.language }, scope);
    const movable = new Set(
      holders.flatMap((v) =>
        v.dispatches.flatMap((d) =>
          d.requestId && d.startsAt - now.getTime() >= SWAP_MIN_NOTICE_MS ? [d.requestId] : [],
        ),
      ),
    );
    const moved = movable.size
      ? await manager.find(InterpretationRequest, { where: { id: In([...movable]), status: 'confirmed' } })
      : [];
    const hospitals = await this.hospitals(manager, [request, ...moved]);
    const confirmed = new Map(moved.map((m) => [m.id, requestSnapshot(m, hospitals.get(m.hospitalId)!.area)]));
    const input = {
      request: requestSnapshot(request, hospitals.get(request.hospitalId)!.area),
      volunteers: holders,
      confirmed,
      now: now.getTime(),
    };
    // Covers only for the dispatches that would free someone, read for the visit's month (where all of them lie).
    const freeing = new Set(freeingDispatches(input).map((f) => confirmed.get(f.releases)!.language));
    const covers = new Map<string, VolunteerSnapshot[]>();
    for (const language of freeing) covers.set(language, await this.snapshots.build(manager, { language }, scope));
    const options = findSwaps({ ...input, covers: (m: RequestSnapshot) => covers.get(m.language) ?? [] });
    if (options.length === 0) return [];
    const held = await manager.find(Dispatch, {
      where: { requestId: In(options.map((o) => o.releases)), status: 'confirmed', role: 'primary' },
    });
    const names = new Map([...holders, ...[...covers.values()].flat()].map((v) => [v.id, v.displayName]));
    const movedById = new Map(moved.map((m) => [m.id, m]));
    return options.map((o) => {
      const m = movedById.get(o.releases)!;
      return {
        volunteerId: o.volunteerId,
        displayName: names.get(o.volunteerId)!,
        score: o.score,
        releases: {
          dispatchId: held.find((d) => d.requestId === o.releases && d.volunteerId === o.volunteerId)!.id,
          requestId: m.id,
          language: m.language,
          startsAt: m.startsAt.toISOString(),
          endsAt: m.endsAt.toISOString(),
          hospitalName: hospitals.get(m.hospitalId)!.name,
        },
        cover: o.cover.map((id) => ({ volunteerId: id, displayName: names.get(id)! })),
      };
    });
  }

  /**
   * Carries a swap out after both volunteers agreed on the phone: the dispatch moves to the cover,
   * then the freed volunteer is confirmed for the request. Any rule that fails — the cover not
   * eligible, the volunteer still not free — undoes all of it.
   */
  swap(
    actor: Actor,
    requestId: string,
    body: { volunteerId: string; dispatchId: string; coverVolunteerId: string },
  ): Promise<{ dispatch: DispatchView; handedOver: DispatchView }> {
    return this.dataSource.transaction(async (manager) => {
      const request = await lockOne(manager, InterpretationRequest, { id: requestId });
      if (!request) throw new NotFoundError('Request');
      if (!OPEN.includes(request.status)) throw Errors.requestNoLongerWaiting();
      // Locks in the order cancellation takes them (request, then its dispatch), so the two never deadlock.
      const unlocked = await manager.findOne(Dispatch, { where: { id: body.dispatchId } });
      const { request: handedOn, dispatch } = unlocked
        ? await lockVisit(manager, { requestId: unlocked.requestId, dispatchId: unlocked.id })
        : { request: null, dispatch: null };
      if (
        !handedOn ||
        !dispatch ||
        dispatch.volunteerId !== body.volunteerId ||
        dispatch.status !== 'confirmed' ||
        dispatch.role !== 'primary'
      ) {
        throw InvalidError.field('dispatchId', 'Not a confirmed dispatch of this volunteer as interpreter of record');
      }
      if (dispatch.requestId === request.id) throw InvalidError.field('dispatchId', 'The dispatch is for this request');
      if (dispatch.startsAt.getTime() - this.clock.now().getTime() < SWAP_MIN_NOTICE_MS) {
        throw InvalidError.field('dispatchId', 'The visit is less than 24 hours away: it can no longer be handed on');
      }
      if (body.coverVolunteerId === body.volunteerId)
        throw InvalidError.field('coverVolunteerId', 'The cover must be someone else');
      const reason = `Handed on so that the volunteer can take request ${request.id}`;
      const handedOver = await this.renaming(
        () => this.dispatches.handOver(manager, dispatch, handedOn, body.coverVolunteerId, actor.id, reason),
        'coverVolunteerId',
      );
      const confirmed = await this.offers.assign(manager, request, body.volunteerId, actor.id);
      return {
        dispatch: await this.dispatches.view(confirmed, manager, actor),
        handedOver: await this.dispatches.view(handedOver, manager, actor),
      };
    });
  }

  private async hospitals(manager: EntityManager, requests: InterpretationRequest[]): Promise<Map<string, Hospital>> {
    const rows = await manager.find(Hospital, { where: { id: In([...new Set(requests.map((r) => r.hospitalId))]) } });
    return new Map(rows.map((h) => [h.id, h]));
  }

  /** The confirmation names `volunteerId`; for the cover, the caller's field is `coverVolunteerId`. */
  private async renaming<T>(work: () => Promise<T>, field: string): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof InvalidError && error.errors?.volunteerId)
        throw new InvalidError(error.message, { [field]: error.errors.volunteerId }, error.code);
      if (error instanceof ConflictError && error.code === 'SCHEDULE_CONFLICT')
        throw new ConflictError(error.code, error.message, { [field]: [error.message] });
      throw error;
    }
  }
}
