import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Hospital, InterpretationRequest, NotFoundError } from '@app/domain';
import { RankResult, rankCandidates, RequestSnapshot } from '@app/matching';
import { Clock } from '../common/clock';
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

  async forRequest(requestId: string, role: RequestSnapshot['role'] = 'primary', manager: EntityManager = this.dataSource.manager): Promise<RankResult> {
    const request = await manager.findOne(InterpretationRequest, { where: { id: requestId } });
    if (!request) throw new NotFoundError('Request');
    return this.rank(manager, request, role);
  }

  async rank(manager: EntityManager, request: InterpretationRequest, role: RequestSnapshot['role'] = 'primary'): Promise<RankResult> {
    const hospital = await manager.findOneOrFail(Hospital, { where: { id: request.hospitalId } });
    const now = this.clock.now();
    const volunteers = await this.snapshots.build(manager, { language: request.language }, { visitStartsAt: request.startsAt, visitEndsAt: request.endsAt, now });
    return rankCandidates({ request: requestSnapshot(request, hospital.area, role), volunteers, now: now.getTime() });
  }
}
