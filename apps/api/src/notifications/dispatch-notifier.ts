import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Dispatch,
  type EscalationReason,
  Hospital,
  InterpretationRequest,
  Locale,
  MailAttachment,
  Offer,
  type OfferClosedReason,
  User,
} from '@app/domain';
import { CalendarService } from '../calendar/calendar.service';
import { MailLinks } from '../mail/mail-links';
import { EnqueueMail, MailService } from '../mail/mail.service';
import { MailVisitDetails, TemplateName } from '../mail/templates';
import { loadVisitDetails, mapLink } from '../dispatches/visit-details';
import type { MoveReleaseGround } from '../dispatches/dispatches.service';
import { requestReference } from '@app/domain/model';

/** What one mail says and until when it is worth sending. */
type MailContent<N extends TemplateName> = Pick<EnqueueMail<N>, 'params' | 'attachments'> & { usefulUntil: Date };

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
  userId?: string;
}

/**
 * Who is told what when the workflow moves, as outbox mail in the same transaction. Mail carries
 * the visit's time, place and language — never patient details; those are behind sign-in.
 */
@Injectable()
export class DispatchNotifier {
  constructor(
    private readonly mail: MailService,
    private readonly links: MailLinks,
    private readonly calendars: CalendarService,
  ) {}

  /** `again`: the volunteer's earlier offers for the request expired unanswered (they are asked once more). */
  async offersSent(
    manager: EntityManager,
    request: InterpretationRequest,
    sent: { offer: Offer; again: boolean }[],
    options: { shadowOf?: string; hospital?: Hospital } = {},
  ): Promise<void> {
    // The wave has read the hospital for its ranking already.
    const hospital = options.hospital ?? (await this.hospital(manager, request));
    const recipients = await this.volunteers(
      manager,
      sent.map((s) => s.offer.volunteerId),
    );
    // One statement for the whole wave, however many it asks.
    await this.mail.enqueueMany(
      manager,
      sent.flatMap(({ offer, again }) => {
        const to = recipients.get(offer.volunteerId);
        if (!to) return [];
        return [
          this.mailTo(to, 'offer', `offer:${offer.id}`, {
            params: {
              volunteerName: to.name,
              language: request.language,
              startsAt: request.startsAt.toISOString(),
              endsAt: request.endsAt.toISOString(),
              hospitalName: hospital.name,
              area: hospital.area,
              department: request.department,
              visitType: request.visitType,
              mode: request.mode,
              linkUrl: this.links.url('offer', offer.id),
              respondBy: offer.expiresAt.toISOString(),
              urgent: request.urgent,
              again,
              ...(options.shadowOf !== undefined ? { shadowOf: options.shadowOf } : {}),
            },
            usefulUntil: offer.expiresAt,
          }),
        ];
      }),
    );
  }

  async offersWithdrawn(
    manager: EntityManager,
    request: InterpretationRequest,
    offers: Offer[],
    reason: OfferClosedReason,
  ): Promise<void> {
    if (offers.length === 0) return;
    const hospital = await this.hospital(manager, request);
    const recipients = await this.volunteers(
      manager,
      offers.map((o) => o.volunteerId),
    );
    for (const offer of offers) {
      const to = recipients.get(offer.volunteerId);
      if (!to) continue;
      await this.send(manager, to, 'offer_withdrawn', `offer-withdrawn:${offer.id}`, {
        params: {
          volunteerName: to.name,
          startsAt: request.startsAt.toISOString(),
          hospitalName: hospital.name,
          reason,
        },
        usefulUntil: request.startsAt,
      });
    }
  }

  /**
   * The volunteer gets the confirmation with a calendar file and a link to it that opens without
   * signing in (its token made when the mail leaves); the hospital's coordinators are told who comes.
   */
  async confirmed(manager: EntityManager, request: InterpretationRequest, dispatch: Dispatch): Promise<void> {
    const hospital = await this.hospital(manager, request);
    const volunteer = (await this.volunteers(manager, [dispatch.volunteerId])).get(dispatch.volunteerId);
    if (volunteer) {
      await this.send(manager, volunteer, 'dispatch_confirmed', `dispatch-confirmed:${dispatch.id}`, {
        params: {
          volunteerName: volunteer.name,
          startsAt: request.startsAt.toISOString(),
          endsAt: request.endsAt.toISOString(),
          hospitalName: hospital.name,
          address: hospital.address,
          calendarUrl: this.links.url('calendar', dispatch.id),
          visit: await this.visitDetails(manager, request),
        },
        attachments: [await this.calendarAttachment(manager, dispatch, request, hospital, volunteer.locale)],
        usefulUntil: request.startsAt,
      });
    }
    await this.shadowPartners(manager, request, hospital, dispatch);
    if (dispatch.role !== 'primary') return;
    for (const coordinator of await this.coordinators(manager, request.hospitalId)) {
      await this.send(
        manager,
        coordinator,
        'request_confirmed',
        `request-confirmed:${dispatch.id}:${coordinator.userId}`,
        {
          params: {
            coordinatorName: coordinator.name,
            requestRef: requestReference(request.id),
            startsAt: request.startsAt.toISOString(),
            language: request.language,
            volunteerName: volunteer?.name ?? '',
          },
          usefulUntil: request.startsAt,
        },
      );
    }
  }

  /**
   * A seat was just taken beside another: a trainee took the shadow seat (the interpreter is told
   * who will shadow them), or a new interpreter took over a visit a trainee shadows (each is told
   * the other's name). Nothing when the other seat is empty.
   */
  private async shadowPartners(
    manager: EntityManager,
    request: InterpretationRequest,
    hospital: Hospital,
    dispatch: Dispatch,
  ): Promise<void> {
    const other = await manager.findOne(Dispatch, {
      where: { requestId: request.id, role: dispatch.role === 'primary' ? 'shadow' : 'primary', status: 'confirmed' },
    });
    if (!other) return;
    const [interpreter, trainee] = dispatch.role === 'primary' ? [dispatch, other] : [other, dispatch];
    const people = await this.volunteers(manager, [interpreter.volunteerId, trainee.volunteerId]);
    const [interpreterTo, traineeTo] = [people.get(interpreter.volunteerId), people.get(trainee.volunteerId)];
    if (!interpreterTo || !traineeTo) return;
    const base = {
      startsAt: request.startsAt.toISOString(),
      endsAt: request.endsAt.toISOString(),
      hospitalName: hospital.name,
    };
    const pair = `${interpreter.id}:${trainee.id}`;
    await this.send(manager, interpreterTo, 'shadow_partner', `shadow-partner:${pair}:interpreter`, {
      params: { ...base, recipientName: interpreterTo.name, audience: 'interpreter', partnerName: traineeTo.name },
      usefulUntil: request.startsAt,
    });
    await this.send(manager, traineeTo, 'shadow_partner', `shadow-partner:${pair}:trainee`, {
      params: { ...base, recipientName: traineeTo.name, audience: 'trainee', partnerName: interpreterTo.name },
      usefulUntil: request.startsAt,
    });
  }

  /**
   * The volunteer's dispatch was cancelled while the request goes on: they are told not to go, with
   * an .ics that cancels the confirmation's event (same UID). Neither reason nor patient details.
   */
  async dispatchCancelled(manager: EntityManager, request: InterpretationRequest, dispatch: Dispatch): Promise<void> {
    const hospital = await this.hospital(manager, request);
    const volunteer = (await this.volunteers(manager, [dispatch.volunteerId])).get(dispatch.volunteerId);
    if (!volunteer) return;
    await this.send(manager, volunteer, 'dispatch_cancelled', `dispatch-cancelled:${dispatch.id}`, {
      params: {
        volunteerName: volunteer.name,
        startsAt: request.startsAt.toISOString(),
        endsAt: request.endsAt.toISOString(),
        hospitalName: hospital.name,
      },
      attachments: [await this.calendarAttachment(manager, dispatch, request, hospital, volunteer.locale, true)],
      usefulUntil: request.startsAt,
    });
  }

  /**
   * The hospital moved a confirmed visit (`from`: its times before). The interpreter who can still
   * make it is asked to reconfirm, with the way to say they cannot; one who cannot (`released`) is
   * told they need not go, with an .ics that takes the visit off their calendar.
   */
  async visitMoved(
    manager: EntityManager,
    request: InterpretationRequest,
    dispatch: Dispatch,
    from: { startsAt: Date; endsAt: Date },
    released: MoveReleaseGround | null,
  ): Promise<void> {
    const hospital = await this.hospital(manager, request);
    const volunteer = (await this.volunteers(manager, [dispatch.volunteerId])).get(dispatch.volunteerId);
    if (!volunteer) return;
    const move = `${dispatch.id}:${request.startsAt.getTime()}`;
    const base = {
      volunteerName: volunteer.name,
      fromStartsAt: from.startsAt.toISOString(),
      fromEndsAt: from.endsAt.toISOString(),
      startsAt: request.startsAt.toISOString(),
      endsAt: request.endsAt.toISOString(),
      hospitalName: hospital.name,
    };
    if (released) {
      await this.send(manager, volunteer, 'visit_moved', `visit-released:${move}`, {
        params: { ...base, released: true, releasedFor: released },
        attachments: [
          await this.calendarAttachment(
            manager,
            { ...dispatch, startsAt: from.startsAt, endsAt: from.endsAt },
            request,
            hospital,
            volunteer.locale,
            true,
          ),
        ],
        usefulUntil: from.startsAt < request.startsAt ? from.startsAt : request.startsAt,
      });
      return;
    }
    await this.send(manager, volunteer, 'visit_moved', `visit-moved:${move}`, {
      params: {
        ...base,
        released: false,
        linkUrl: this.links.url('reconfirm', dispatch.id),
        visitUrl: this.links.panel(`/dispatches/${dispatch.id}/show`),
      },
      // The confirmation's event at the new time: same UID, a newer SEQUENCE, so the calendar moves it.
      attachments: [await this.calendarAttachment(manager, dispatch, request, hospital, volunteer.locale)],
      usefulUntil: request.startsAt,
    });
  }

  /**
   * The visit's .ics for the volunteer's mail, in their language; `cancelled` takes it off their
   * calendar (same UID as the confirmation's, a newer SEQUENCE).
   */
  private async calendarAttachment(
    manager: EntityManager,
    dispatch: Dispatch,
    request: InterpretationRequest,
    hospital: Hospital,
    locale: Locale,
    cancelled = false,
  ): Promise<MailAttachment> {
    const file = await this.calendars.attachment(
      manager,
      cancelled ? { ...dispatch, status: 'cancelled' } : dispatch,
      { request, hospital },
      locale,
    );
    return {
      filename: file.fileName.utf8,
      contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
      content: Buffer.from(file.body).toString('base64'),
    };
  }

  /** Coordinators of the hospital and all staff learn that a person must act. */
  async escalated(
    manager: EntityManager,
    request: InterpretationRequest,
    reason: EscalationReason,
    key: string,
  ): Promise<void> {
    const office = (await this.staff(manager, { admins: true })).map((to) => ({ to, audience: 'office' as const }));
    const hospital = (await this.coordinators(manager, request.hospitalId)).map((to) => ({
      to,
      audience: 'hospital' as const,
    }));
    for (const { to, audience } of [...office, ...hospital]) {
      await this.send(manager, to, 'request_escalated', `escalated:${key}:${to.userId}`, {
        params: {
          recipientName: to.name,
          requestRef: requestReference(request.id),
          startsAt: request.startsAt.toISOString(),
          language: request.language,
          reason,
          audience,
        },
        usefulUntil: request.startsAt,
      });
    }
  }

  /**
   * The confirmed interpreter said "I can't go" and the request looks for someone else: the
   * hospital's coordinators and staff are told. `urgent` (inside the late-cancellation window):
   * staff and admins get the escalation mail at once instead, to step in by hand.
   */
  async interpreterDroppedOut(
    manager: EntityManager,
    request: InterpretationRequest,
    dispatch: Dispatch,
    options: { urgent: boolean },
  ): Promise<void> {
    if (dispatch.role !== 'primary') return;
    const hospital = await this.hospital(manager, request);
    const params = {
      requestRef: requestReference(request.id),
      startsAt: request.startsAt.toISOString(),
      endsAt: request.endsAt.toISOString(),
      language: request.language,
      hospitalName: hospital.name,
    };
    for (const to of await this.coordinators(manager, request.hospitalId)) {
      await this.send(manager, to, 'interpreter_cancelled', `dropout:${dispatch.id}:${to.userId}`, {
        params: { ...params, recipientName: to.name, audience: 'hospital' },
        usefulUntil: request.startsAt,
      });
    }
    if (!options.urgent) {
      for (const to of await this.staff(manager)) {
        await this.send(manager, to, 'interpreter_cancelled', `dropout:${dispatch.id}:${to.userId}`, {
          params: { ...params, recipientName: to.name, audience: 'staff' },
          usefulUntil: request.startsAt,
        });
      }
      return;
    }
    for (const to of await this.staff(manager, { admins: true })) {
      await this.send(manager, to, 'request_escalated', `escalated:dropout:${dispatch.id}:${to.userId}`, {
        params: {
          recipientName: to.name,
          requestRef: params.requestRef,
          startsAt: params.startsAt,
          language: request.language,
          reason: 'dispatch_cancelled',
        },
        usefulUntil: request.startsAt,
      });
    }
  }

  /**
   * The request was cancelled: its coordinators and a confirmed volunteer are told (the free-text
   * reason stays out of mail); the volunteer's mail carries an .ics that cancels their calendar entry.
   */
  async cancelled(manager: EntityManager, request: InterpretationRequest, dispatches: Dispatch[]): Promise<void> {
    const hospital = await this.hospital(manager, request);
    const volunteers = await this.volunteers(
      manager,
      dispatches.map((d) => d.volunteerId),
    );
    const recipients: [Recipient, Dispatch | null][] = [
      ...(await this.coordinators(manager, request.hospitalId)).map((to): [Recipient, null] => [to, null]),
      ...dispatches.flatMap((d): [Recipient, Dispatch][] =>
        volunteers.has(d.volunteerId) ? [[volunteers.get(d.volunteerId)!, d]] : [],
      ),
    ];
    for (const [to, dispatch] of recipients) {
      await this.send(manager, to, 'request_cancelled', `cancelled:${request.id}:${to.email}`, {
        params: {
          recipientName: to.name,
          startsAt: request.startsAt.toISOString(),
          hospitalName: hospital.name,
          reason: to.locale === 'ja' ? '依頼元からの取消です。' : 'Cancelled by the requester.',
        },
        attachments: dispatch
          ? [await this.calendarAttachment(manager, dispatch, request, hospital, to.locale, true)]
          : undefined,
        usefulUntil: request.startsAt,
      });
    }
  }

  async reminders(manager: EntityManager, request: InterpretationRequest, dispatch: Dispatch): Promise<void> {
    const hospital = await this.hospital(manager, request);
    const volunteer = (await this.volunteers(manager, [dispatch.volunteerId])).get(dispatch.volunteerId);
    const base = {
      startsAt: request.startsAt.toISOString(),
      endsAt: request.endsAt.toISOString(),
      hospitalName: hospital.name,
      address: hospital.address,
    };
    // A moved visit is reminded of again at its new time.
    const visit = dispatch.rescheduledFrom ? `${dispatch.id}:${dispatch.startsAt.getTime()}` : dispatch.id;
    if (volunteer) {
      await this.send(manager, volunteer, 'reminder', `reminder:${visit}:volunteer`, {
        params: {
          ...base,
          recipientName: volunteer.name,
          role: 'volunteer',
          visit: await this.visitDetails(manager, request),
        },
        usefulUntil: request.startsAt,
      });
    }
    if (dispatch.role !== 'primary') return;
    for (const coordinator of await this.coordinators(manager, request.hospitalId)) {
      await this.send(manager, coordinator, 'reminder', `reminder:${visit}:${coordinator.userId}`, {
        params: { ...base, recipientName: coordinator.name, role: 'coordinator' },
        usefulUntil: request.startsAt,
      });
    }
  }

  async reconfirm(
    manager: EntityManager,
    request: InterpretationRequest,
    dispatch: Dispatch,
    respondBy: Date,
  ): Promise<void> {
    const hospital = await this.hospital(manager, request);
    const volunteer = (await this.volunteers(manager, [dispatch.volunteerId])).get(dispatch.volunteerId);
    if (!volunteer) return;
    await this.send(manager, volunteer, 'reconfirm', `reconfirm:${dispatch.id}`, {
      params: {
        volunteerName: volunteer.name,
        startsAt: request.startsAt.toISOString(),
        hospitalName: hospital.name,
        linkUrl: this.links.url('reconfirm', dispatch.id),
        respondBy: respondBy.toISOString(),
      },
      usefulUntil: respondBy,
    });
  }

  /**
   * One mail to one recipient, in their language, once per key. `usefulUntil`: when an undelivered
   * copy becomes obsolete — the offer's or reconfirmation's deadline, else the visit's start (a
   * confirmation, cancellation, reminder or escalation that arrives after the visit began is noise).
   */
  private send<N extends TemplateName>(
    manager: EntityManager,
    to: Recipient,
    template: N,
    idempotencyKey: string,
    content: MailContent<N>,
  ): Promise<boolean> {
    return this.mail.enqueue(manager, this.mailTo(to, template, idempotencyKey, content));
  }

  private mailTo<N extends TemplateName>(
    to: Recipient,
    template: N,
    idempotencyKey: string,
    content: MailContent<N>,
  ): EnqueueMail<N> {
    return { to: to.email, locale: to.locale, userId: to.userId, template, idempotencyKey, ...content };
  }

  private hospital(manager: EntityManager, request: InterpretationRequest): Promise<Hospital> {
    return manager.findOneOrFail(Hospital, { where: { id: request.hospitalId } });
  }

  /** Volunteers as recipients: their record's e-mail, the locale of their account if they have one. */
  private async volunteers(manager: EntityManager, ids: string[]): Promise<Map<string, Recipient>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; email: string; display_name: string; locale: Locale | null; user_id: string | null }[] =
      await manager.query(
        `SELECT v.id, v.email, v.display_name, u.locale, u.id AS user_id
         FROM volunteers v LEFT JOIN users u ON u.volunteer_id = v.id AND u.active
        WHERE v.id = ANY($1::uuid[])`,
        [ids],
      );
    return new Map(
      rows.map((r) => [
        r.id,
        { email: r.email, name: r.display_name, locale: r.locale ?? 'ja', userId: r.user_id ?? undefined },
      ]),
    );
  }

  private async coordinators(manager: EntityManager, hospitalId: string): Promise<Recipient[]> {
    const users = await manager.find(User, { where: { hospitalId, role: 'coordinator', active: true } });
    return users.map((u) => ({ email: u.email, name: u.displayName, locale: u.locale, userId: u.id }));
  }

  /** What the confirmed interpreter's mail says about the day (the same details as the panel's). */
  private async visitDetails(manager: EntityManager, request: InterpretationRequest): Promise<MailVisitDetails> {
    const visit = (await loadVisitDetails(manager, [request])).get(request.id)!;
    return {
      mode: visit.mode,
      address: visit.address,
      mapUrl: mapLink(visit.address),
      hospitalPhone: visit.hospitalPhone,
      coordinatorName: visit.coordinatorName,
      coordinatorPhone: visit.coordinatorPhone,
      notesForInterpreter: visit.notesForInterpreter,
      remoteDetails: visit.remoteDetails,
    };
  }

  /** Staff, and with `admins` the admins too (an alert that must not wait for the office to look). */
  private async staff(manager: EntityManager, options: { admins?: boolean } = {}): Promise<Recipient[]> {
    const users = await manager.find(User, {
      where: [{ role: 'staff', active: true }, ...(options.admins ? [{ role: 'admin' as const, active: true }] : [])],
    });
    return users.map((u) => ({ email: u.email, name: u.displayName, locale: u.locale, userId: u.id }));
  }
}
