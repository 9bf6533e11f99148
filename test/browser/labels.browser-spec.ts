import type { Page } from 'playwright-core';
import {
  ActivityReport,
  Dispatch,
  Hospital,
  InterpretationRequest,
  RequestPatient,
  TrainingCourse,
  Volunteer,
} from '@app/domain';
import {
  AGE_BANDS,
  countryName,
  DEPARTMENTS,
  DISPATCH_STATUSES,
  ESCALATION_REASONS,
  INTERPRETER_GENDERS,
  LANGUAGE_NAMES,
  LEVELS,
  MAIL_TEMPLATE_NAMES,
  MODES,
  OFFER_STATUSES,
  PATIENT_GENDERS,
  REPORT_SCENES,
  REQUEST_STATUSES,
  REVIEW_STATUSES,
  VISIT_TYPES,
  VOLUNTEER_STATUSES,
} from '@app/domain/model';
import { DEMO_PASSWORD } from '../../apps/api/src/bootstrap/demo-seed';
import { ADMIN, type TestApp } from '../support/test-app';
import { useBrowserSession } from './browser';

jest.setTimeout(300_000);

const DESK = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Language codes (vi, zh…) as the model knows them. */
const LANGUAGE_CODES = Object.keys(LANGUAGE_NAMES);
/** English enumeration values the Japanese panel must show as labels (underscored ones, and the statuses). */
const ENUM_VALUES = [
  ...new Set<string>([
    ...REQUEST_STATUSES,
    ...OFFER_STATUSES,
    ...DISPATCH_STATUSES,
    ...DEPARTMENTS,
    ...VISIT_TYPES,
    ...MODES,
    ...LEVELS,
    ...VOLUNTEER_STATUSES,
    ...PATIENT_GENDERS,
    ...AGE_BANDS,
    ...INTERPRETER_GENDERS,
    ...ESCALATION_REASONS,
    ...REVIEW_STATUSES,
    ...REPORT_SCENES,
    ...MAIL_TEMPLATE_NAMES,
  ]),
];
const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** What shows through untranslated in the page's visible text: raw i18n keys, codes, enum values. */
export function rawCodesIn(visible: string): string[] {
  // Addresses and links are not labels (volunteer1@example.jp, https://…).
  const text = visible.replace(/\S+@\S+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  const found = new Set<string>();
  for (const key of text.match(/\b(app|resources|ra)\.[a-z_]+\.[A-Za-z_.]+/g) ?? []) found.add(key);
  // Dotted machine names (an audit action such as request.confirm, patient.read).
  for (const key of text.match(/(?<![\p{L}\p{N}_.])[a-z]+\.[a-z_]+(?:\.[a-z_]+)*(?![\p{L}\p{N}_.])/gu) ?? [])
    found.add(key);
  const token = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}_.@/-])${word}(?![\\p{L}\\p{N}_.@/-])`, 'u');
  for (const code of LANGUAGE_CODES) if (token(code).test(text)) found.add(code);
  for (const value of ENUM_VALUES) if (token(value).test(text)) found.add(value);
  for (const pair of text.match(/(?<![\p{L}\p{N}])[A-Z]{2}(?![\p{L}\p{N}])/gu) ?? [])
    if (REGIONS.of(pair)) found.add(pair);
  return [...found].sort();
}

/**
 * Labels, never codes (#19 item 5): every role's main pages on the demo data, in Japanese, show no
 * raw translation key (`app.enums.language.ja`), no language or nationality code (`vi`, `VN`) and no
 * English enumeration value (`internal_medicine`, `pending`).
 */
describe('labels, never codes, on every main page (browser)', () => {
  const session = useBrowserSession({ SEED_DEMO: 'true' });
  const { tab, signIn } = session;
  let t: TestApp;
  let base: string;
  const findings: Record<string, string[]> = {};

  beforeAll(() => ({ t, base } = session));

  /** Opens `path` and records what shows through on it; `waitFor`: a text that proves the page's data came. */
  async function scan(page: Page, path: string, waitFor?: string): Promise<void> {
    await page.goto(`${base}/admin/#${path}`);
    if (waitFor) await page.getByText(waitFor, { exact: false }).first().waitFor();
    const text = await settledText(page);
    const raw = rawCodesIn(text);
    if (raw.length) findings[path] = raw;
  }

  /** The page's visible text once the page has loaded its data (the text has stopped changing). */
  async function settledText(page: Page): Promise<string> {
    await page.waitForLoadState('networkidle');
    let last = '';
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(250);
      const now = await page.locator('body').innerText();
      const loading = (await page.locator('[role="progressbar"], .MuiSkeleton-root').count()) > 0;
      if (now === last && !loading && now.trim().length > 0) return now;
      last = now;
    }
    return last;
  }

  afterEach(() => {
    // Every page of the test, with what showed through on it: none may have anything.
    const shown = { ...findings };
    for (const key of Object.keys(findings)) delete findings[key];
    expect(shown).toEqual({});
  });

  it('the scan finds what it looks for', () => {
    expect(rawCodesIn('言語: vi · 国籍: VN · app.enums.language.ja · 内科 internal_medicine · JST 10:00')).toEqual([
      'VN',
      'app.enums.language.ja',
      'internal_medicine',
      'vi',
    ]);
    expect(rawCodesIn('ベトナム語 · ベトナム · staff1@example.jp · 8C689C46')).toEqual([]);
  });

  it('staff and admin pages', async () => {
    const request = await t.dataSource
      .getRepository(InterpretationRequest)
      .createQueryBuilder('r')
      .innerJoin(RequestPatient, 'p', 'p.request_id = r.id AND p.nationality IS NOT NULL')
      .where("r.status = 'confirmed'")
      .getOneOrFail();
    const volunteer = await t.dataSource.getRepository(Volunteer).findOneByOrFail({ email: 'volunteer1@example.jp' });
    const [hospital] = await t.dataSource.getRepository(Hospital).find({ take: 1 });
    const [report] = await t.dataSource.getRepository(ActivityReport).find({ take: 1 });
    const [course] = await t.dataSource.getRepository(TrainingCourse).find({ take: 1 });
    const page = await tab(DESK);
    await signIn(page, ADMIN.email, ADMIN.password);
    for (const path of [
      '/',
      '/requests',
      '/volunteers',
      `/volunteers/${volunteer.id}/show`,
      '/hospitals',
      `/hospitals/${hospital.id}/show`,
      '/reports',
      ...(report ? [`/reports/${report.id}/show`] : []),
      '/courses',
      `/courses/${course.id}/show`,
      '/mail',
      '/users',
      '/audit-log',
      '/statements',
      '/figures',
      '/fee-rules',
    ])
      await scan(page, path);
    // An escalated request: its reason, the offer history and the candidates with why each is excluded.
    const escalated = await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ status: 'escalated' });
    await scan(page, `/requests/${escalated.id}/show`, '候補');
    // The patient's nationality as a country name (ベトナム, not VN).
    const patient = await t.dataSource.getRepository(RequestPatient).findOneByOrFail({ requestId: request.id });
    await scan(page, `/requests/${request.id}/show`, countryName(patient.nationality, 'ja'));
  });

  it('coordinator pages', async () => {
    const page = await tab(DESK);
    await signIn(page, 'coordinator1@example.jp', DEMO_PASSWORD);
    const { hospitalId } = (
      await t.dataSource.query(`SELECT hospital_id AS "hospitalId" FROM users WHERE email = $1`, [
        'coordinator1@example.jp',
      ])
    )[0] as { hospitalId: string };
    const request = await t.dataSource
      .getRepository(InterpretationRequest)
      .createQueryBuilder('r')
      .innerJoin(RequestPatient, 'p', 'p.request_id = r.id AND p.nationality IS NOT NULL')
      .where('r.hospital_id = :hospitalId', { hospitalId })
      .getOneOrFail();
    for (const path of ['/', '/requests', `/requests/${request.id}/show`, '/requests/create', '/mail', '/statements'])
      await scan(page, path);
  });

  it('volunteer pages on a phone', async () => {
    const volunteer = await t.dataSource.getRepository(Volunteer).findOneByOrFail({ email: 'volunteer1@example.jp' });
    const [dispatch] = await t.dataSource
      .getRepository(Dispatch)
      .find({ where: { volunteerId: volunteer.id, status: 'confirmed' }, order: { startsAt: 'DESC' }, take: 1 });
    const page = await tab(PHONE);
    await signIn(page, 'volunteer1@example.jp', DEMO_PASSWORD);
    for (const path of [
      '/',
      '/offers',
      '/dispatches',
      `/dispatches/${dispatch.id}/show`,
      '/profile',
      '/my/availability',
      '/my/training',
      '/statements',
      '/mail',
    ])
      await scan(page, path);
  });
});
