import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Dispatch, InterpretationRequest, NotFoundError } from '@app/domain';
import { Actor } from '../common/decorators/current-user.decorator';
import { OffersService } from '../offers/offers.service';

/** Staff assign a volunteer directly, without waiting for offers; a rule they override needs a recorded reason. */
@Injectable()
export class AssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: OffersService,
  ) {}

  assign(actor: Actor, requestId: string, volunteerId: string, overrideReason?: string): Promise<{ dispatch: Dispatch }> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(InterpretationRequest, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new NotFoundError('Request');
      return { dispatch: await this.offers.assign(manager, request, volunteerId, actor.id, overrideReason) };
    });
  }
}
