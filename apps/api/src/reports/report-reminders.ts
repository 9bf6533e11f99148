import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import { Locale } from '@app/domain';
import { AppConfig } from '../config/env.validation';
import { appBaseUrl } from '../mail/app-url';
import { MailService } from '../mail/mail.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A second, last reminder this long after the first. */
const SECOND_AFTER = 6 * DAY;
/** Visits older than this are no longer chased (staff see them in the dispatch list). */
const GIVE_UP_AFTER = 30 * DAY;

interface Missing {
  dispatch_id: string;
  starts_at: Date;
  ends_at: Date;
  email: string;
  display_name: string;
  locale: Locale | null;
  user_id: string | null;
  hospital_name: string;
}

/**
 * Chases missing activity reports: for every visit that happened (completed, or confirmed and
 * past its end) at least REPORT_REMINDER_AFTER_HOURS ago with no report, one reminder mail, and a
 * second six days later. Idempotent: each reminder has its own mail key.
 */
@Injectable()
export class ReportReminders {
  private readonly afterMs: number;
  private readonly baseUrl: string;

  constructor(
    private readonly mail: MailService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.afterMs = config.get('REPORT_REMINDER_AFTER_HOURS', { infer: true }) * HOUR;
    this.baseUrl = appBaseUrl(config);
  }

  /** Returns how many reminder mails were written. */
  async chase(manager: EntityManager, now: Date): Promise<number> {
    const rows: Missing[] = await manager.query(
      `SELECT d.id AS dispatch_id, d.starts_at, d.ends_at, v.email, v.display_name, u.locale, u.id AS user_id, h.name AS hospital_name
         FROM dispatches d
         JOIN requests r ON r.id = d.request_id
         JOIN hospitals h ON h.id = r.hospital_id
         JOIN volunteers v ON v.id = d.volunteer_id
         LEFT JOIN users u ON u.volunteer_id = v.id AND u.active
        WHERE (d.status = 'completed' OR d.status = 'confirmed')
          AND d.ends_at <= $1 AND d.ends_at > $2
          AND NOT EXISTS (SELECT 1 FROM activity_reports a WHERE a.dispatch_id = d.id)
        ORDER BY d.ends_at, d.id`,
      [new Date(now.getTime() - this.afterMs), new Date(now.getTime() - GIVE_UP_AFTER)],
    );
    let written = 0;
    for (const row of rows) {
      const overdue = now.getTime() - row.ends_at.getTime() - this.afterMs;
      // A sweep that first sees a visit late sends only the latest reminder, not both.
      const round = overdue >= SECOND_AFTER ? 2 : 1;
      const sent = await this.mail.enqueue(manager, {
        to: row.email,
        locale: row.locale ?? 'ja',
        userId: row.user_id ?? undefined,
        template: 'report_reminder',
        idempotencyKey: `report-reminder:${row.dispatch_id}:${round}`,
        // The sweep stops chasing a report GIVE_UP_AFTER after the visit; so does its mail.
        usefulUntil: new Date(row.ends_at.getTime() + GIVE_UP_AFTER),
        params: {
          volunteerName: row.display_name,
          startsAt: row.starts_at.toISOString(),
          endsAt: row.ends_at.toISOString(),
          hospitalName: row.hospital_name,
          reportUrl: `${this.baseUrl}/admin/#/dispatches/${row.dispatch_id}/report`,
        },
      });
      if (sent) written++;
    }
    return written;
  }
}
