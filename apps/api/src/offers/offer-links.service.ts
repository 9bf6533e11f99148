import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError, Offer } from '@app/domain';
import { Clock } from '../common/clock';
import { DispatchView } from '../dispatches/dispatches.service';
import { hashLinkToken, OffersService, OfferView } from './offers.service';

/** Offers reached through the signed, single-use, expiring link of the offer mail. */
@Injectable()
export class OfferLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: OffersService,
    private readonly clock: Clock,
  ) {}

  /** What the offer is — time, place, language, kind of visit; never patient details. */
  async show(token: string): Promise<OfferView & { answerable: boolean }> {
    const offer = await this.find(token);
    const [view] = await this.offers.views([offer]);
    return { ...view, answerable: offer.status === 'pending' && offer.expiresAt > this.clock.now() };
  }

  async accept(token: string): Promise<{ dispatch: DispatchView }> {
    const offer = await this.find(token);
    return this.offers.acceptOffer(offer.id, offer.requestId, null);
  }

  async decline(token: string, reason?: string): Promise<OfferView> {
    const offer = await this.find(token);
    return this.offers.declineOffer(offer.id, offer.requestId, null, reason);
  }

  /**
   * The offer the link was sent with — or, when that one expired and the volunteer has since been
   * asked again for the same visit, the newer offer: a link from the first mail still answers.
   */
  private async find(token: string): Promise<Offer> {
    const offer =
      token.length >= 20
        ? await this.dataSource.manager.findOne(Offer, { where: { linkTokenHash: hashLinkToken(token) } })
        : null;
    if (!offer) throw new NotFoundError('Offer link');
    if (offer.status !== 'expired') return offer;
    const current = await this.dataSource.manager.findOne(Offer, {
      where: { requestId: offer.requestId, volunteerId: offer.volunteerId, role: offer.role, status: 'pending' },
    });
    return current ?? offer;
  }
}
