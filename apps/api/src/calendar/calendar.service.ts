import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { Dispatch, Hospital, InterpretationRequest, Locale, NotFoundError, Volunteer } from '@app/domain';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { hashToken } from '../common/token-hash';
import { AppConfig } from '../config/env.validation';
import { appBaseUrl } from '../mail/app-url';
import { buildCalendar, buildCalendarEvent } from '../mail/calendar';
import { CALENDAR_TOKEN, CalendarTokens } from './calendar-tokens';
import { VisitCalendars } from './visit-calendars';
import { visitEvent, visitFileName } from './visit-event';
import { lockOne } from '../access/locks';

/** A calendar file as the routes answer it. */
export interface CalendarFile {
  body: string;
  fileName: { ascii: string; utf8: string };
}

/** How far back the subscription feed keeps visits (a visit done stays on the phone for a month). */
export const FEED_PAST_DAYS = 30;
/** A feed never lists more than this many visits. */
const FEED_LIMIT = 500;
const DAY = 86_400_000;

const FEED_NAME: Record<Locale, string> = { ja: '医療通訳の予定', en: 'Medical interpreting visits' };

/**
 * Calendars that work from a phone without signing in: the confirmation mail's per-dispatch link
 * (its token made when the mail leaves, by MailLinks) and the volunteer's subscription feed.
 * A token is the only credential, so an unknown, malformed or revoked one is a plain 404.
 */
@Injectable()
export class CalendarService {
  private readonly baseUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly tokens: CalendarTokens,
    private readonly visits: VisitCalendars,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = appBaseUrl(config);
  }

  /**
   * The dispatch of a confirmation mail's calendar link. A cancelled dispatch answers the same
   * event cancelled (STATUS:CANCELLED, METHOD:CANCEL, next SEQUENCE), like the cancellation mail's
   * attachment: a phone that opens the link again takes the visit off its calendar.
   */
  async dispatchByToken(token: string): Promise<CalendarFile> {
    const manager = this.dataSource.manager;
    const dispatch = CALENDAR_TOKEN.test(token)
      ? await manager.findOne(Dispatch, { where: { calendarTokenHash: hashToken(token) } })
      : null;
    if (!dispatch) throw new NotFoundError('Calendar link');
    return this.dispatchFile(manager, dispatch, await this.visits.localeOf(manager, dispatch.volunteerId));
  }

  /** The signed-in route's file (the caller has already been found to see the dispatch). */
  async dispatchFor(actor: Actor, dispatch: Dispatch): Promise<CalendarFile> {
    const manager = this.dataSource.manager;
    const [row]: { locale: Locale }[] = await manager.query(`SELECT locale FROM users WHERE id = $1`, [actor.id]);
    return this.dispatchFile(manager, dispatch, row?.locale ?? 'ja');
  }

  /** The confirmation mail's attachment: the same event as the link's. */
  async attachment(
    manager: EntityManager,
    dispatch: Dispatch,
    known: { request: InterpretationRequest; hospital: Hospital },
    locale: Locale,
  ): Promise<CalendarFile> {
    return this.dispatchFile(manager, dispatch, locale, known);
  }

  /**
   * The volunteer's subscription feed: their confirmed and completed visits from
   * {@link FEED_PAST_DAYS} days ago on. A cancelled visit is simply not listed, so a subscribed
   * calendar drops it at its next refresh.
   */
  async feedByToken(token: string): Promise<CalendarFile> {
    const manager = this.dataSource.manager;
    const volunteer = CALENDAR_TOKEN.test(token)
      ? await manager.findOne(Volunteer, { where: { calendarFeedTokenHash: hashToken(token) } })
      : null;
    if (!volunteer) throw new NotFoundError('Calendar feed');
    const locale = await this.visits.localeOf(manager, volunteer.id);
    const now = this.clock.now();
    const dispatches = await manager.find(Dispatch, {
      where: {
        volunteerId: volunteer.id,
        status: In(['confirmed', 'completed']),
        endsAt: MoreThanOrEqual(new Date(now.getTime() - FEED_PAST_DAYS * DAY)),
      },
      order: { startsAt: 'ASC' },
      take: FEED_LIMIT,
    });
    const events = [];
    for (const dispatch of dispatches) {
      events.push(visitEvent(await this.visits.load(manager, dispatch), locale, this.baseUrl));
    }
    return {
      body: buildCalendar(events, { name: FEED_NAME[locale], stamp: now }),
      fileName: { ascii: 'kumamoto-interpreting.ics', utf8: `${FEED_NAME[locale]}.ics` },
    };
  }

  /**
   * The volunteer's subscription address, made from their current generation; its hash is written
   * when missing or made under another key, so the address shown is the one that works.
   */
  async feedUrl(manager: EntityManager, volunteer: Volunteer): Promise<string> {
    const token = this.tokens.feed(volunteer.id, volunteer.calendarFeedGeneration);
    const hash = hashToken(token);
    if (volunteer.calendarFeedTokenHash !== hash) {
      await manager.update(Volunteer, { id: volunteer.id }, { calendarFeedTokenHash: hash });
      volunteer.calendarFeedTokenHash = hash;
    }
    return this.feedAddress(token);
  }

  /** A new subscription address for the volunteer; the old one stops working at once. */
  async renewFeed(volunteerId: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const volunteer = await lockOne(manager, Volunteer, { id: volunteerId });
      if (!volunteer) throw new NotFoundError('Volunteer');
      volunteer.calendarFeedGeneration += 1;
      await manager.update(
        Volunteer,
        { id: volunteer.id },
        { calendarFeedGeneration: volunteer.calendarFeedGeneration },
      );
      return this.feedUrl(manager, volunteer);
    });
  }

  private feedAddress(token: string): string {
    return `${this.baseUrl}/api/calendar/feeds/${token}.ics`;
  }

  private async dispatchFile(
    manager: EntityManager,
    dispatch: Dispatch,
    locale: Locale,
    known: { request?: InterpretationRequest; hospital?: Hospital } = {},
  ): Promise<CalendarFile> {
    const visit = await this.visits.load(manager, dispatch, known);
    return {
      body: buildCalendarEvent(visitEvent(visit, locale, this.baseUrl), { stamp: this.clock.now() }),
      fileName: visitFileName(visit.request.startsAt, visit.hospital.name),
    };
  }
}
