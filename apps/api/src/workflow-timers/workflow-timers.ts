import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InterpretationRequest, statesAllowing } from '@app/domain';
import { JobsService } from '../jobs/jobs.service';
import { DispatchesService } from '../dispatches/dispatches.service';
import { OffersService } from '../offers/offers.service';
import { DISPATCH_JOBS, OFFER_JOBS } from '../workflow/workflow-jobs';
import { lockOne } from '../access/locks';

type RequestPayload = { requestId: string };
/** `wave`: the wave whose interval this timer ends (older jobs have none). */
type WavePayload = RequestPayload & { wave?: number };
type DispatchPayload = { dispatchId: string };
/** `actorId`: who filed the request (the first wave's offers are logged as theirs). */
type FirstWavePayload = RequestPayload & { actorId: string | null };

/**
 * What each durable timer of the workflow does when it comes due. Every handler runs in the
 * job's own transaction and re-reads the state first: a timer for a request that moved on in the
 * meantime does nothing.
 */
@Injectable()
export class WorkflowTimers implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly offers: OffersService,
    private readonly dispatches: DispatchesService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<FirstWavePayload>(OFFER_JOBS.firstWave, ({ requestId, actorId }, { manager }) =>
      this.firstWave(manager, requestId, actorId),
    );
    this.jobs.register<WavePayload>(OFFER_JOBS.nextWave, ({ requestId, wave }, { manager }) =>
      this.nextWave(manager, requestId, wave),
    );
    this.jobs.register<RequestPayload>(OFFER_JOBS.expire, ({ requestId }, { manager }) =>
      this.offers.expireDue(manager, requestId),
    );
    this.jobs.register<RequestPayload>(OFFER_JOBS.escalate, ({ requestId }, { manager }) =>
      this.escalate(manager, requestId),
    );
    this.jobs.register<RequestPayload>(DISPATCH_JOBS.reoffer, async ({ requestId }, { manager }) => {
      const request = await this.lockRequest(manager, requestId);
      if (request) await this.offers.reopened(manager, request);
    });
    this.jobs.register<DispatchPayload>(DISPATCH_JOBS.reminder, ({ dispatchId }, { manager }) =>
      this.dispatches.remind(manager, dispatchId),
    );
    this.jobs.register<DispatchPayload>(DISPATCH_JOBS.reconfirm, ({ dispatchId }, { manager }) =>
      this.dispatches.askReconfirmation(manager, dispatchId),
    );
    this.jobs.register<DispatchPayload>(DISPATCH_JOBS.reconfirmDeadline, ({ dispatchId }, { manager }) =>
      this.dispatches.reconfirmationDeadline(manager, dispatchId),
    );
  }

  /**
   * A request was filed: its first wave goes out (nobody eligible: staff are called in). Only
   * once: a request that is no longer open, was put on hold or already had a wave is left alone.
   */
  private async firstWave(manager: EntityManager, requestId: string, actorId: string | null): Promise<void> {
    const request = await this.lockRequest(manager, requestId);
    if (!request || request.onHold || request.status !== 'open' || request.waveCount > 0) return;
    await this.offers.startOffering(manager, request, actorId);
  }

  /**
   * Nobody accepted yet: the next volunteers get an offer; with nobody left and nothing pending,
   * staff step in. A timer of an earlier wave is stale: a later wave went out meanwhile (everyone
   * declined, or staff sent it) and set its own, so the interval runs from the latest wave.
   */
  private async nextWave(manager: EntityManager, requestId: string, wave: number | undefined): Promise<void> {
    const request = await this.lockRequest(manager, requestId);
    if (
      !request ||
      request.onHold ||
      !statesAllowing('request', 'offer').includes(request.status) ||
      request.status === 'escalated'
    )
      return;
    if (wave !== undefined && wave !== request.waveCount) return;
    const sent = await this.offers.sendWave(manager, request, null);
    if (sent === 0) await this.offers.rollOn(manager, request, null);
  }

  /** The deadline before the visit passed with nobody confirmed. */
  private async escalate(manager: EntityManager, requestId: string): Promise<void> {
    const request = await this.lockRequest(manager, requestId);
    if (!request || !statesAllowing('request', 'escalate').includes(request.status)) return;
    await this.offers.escalate(manager, request, await this.offers.escalationReason(manager, request), null);
  }

  private lockRequest(manager: EntityManager, id: string): Promise<InterpretationRequest | null> {
    return lockOne(manager, InterpretationRequest, { id });
  }
}
