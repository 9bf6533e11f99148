import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InterpretationRequest, NotFoundError } from '@app/domain';
import { Actor } from '../common/decorators/current-user.decorator';
import { DispatchesService, DispatchView } from '../dispatches/dispatches.service';
import { OffersService } from '../offers/offers.service';
import { lockOne } from '../access/locks';

/** Staff assign a volunteer directly, without waiting for offers; a rule they override needs a recorded reason. */
@Injectable()
export class AssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: OffersService,
    private readonly dispatches: DispatchesService,
  ) {}

  assign(
    actor: Actor,
    requestId: string,
    volunteerId: string,
    overrideReason?: string,
  ): Promise<{ dispatch: DispatchView }> {
    return this.dataSource.transaction(async (manager) => {
      const request = await lockOne(manager, InterpretationRequest, { id: requestId });
      if (!request) throw new NotFoundError('Request');
      const dispatch = await this.offers.assign(manager, request, volunteerId, actor.id, overrideReason);
      return { dispatch: await this.dispatches.view(dispatch, manager, actor) };
    });
  }
}
