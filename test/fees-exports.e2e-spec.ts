import { ArgumentsHost } from '@nestjs/common';
import { FeeRule } from '@app/domain';
import ExcelJS from 'exceljs';
import { QueryFailedError } from 'typeorm';
import type { Response } from 'superagent';
import { ErrorFilter } from '../apps/api/src/common/filters/error.filter';
import { aUser } from './support/factories';
import { createTestApp, login, TestApp } from './support/test-app';
import { PATIENT, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

/** Collects a binary response body (CSV bytes with the BOM, or an .xlsx zip) into a Buffer. */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Worked examples of the default rule (3,000 yen for two hours, 1,000 per further started hour,
 * 3,000 for a late cancellation or a patient no-show, 3,000 to the volunteer), a rule change that
 * leaves past months alone, and the exports.
 */
describe('Fees, statements and exports (API)', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  let admin: string;
  const d: Record<string, { requestId: string; dispatchId: string }> = {};

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    world = await visitWorld(t, 1);
    const adminUser = await aUser(t, { role: 'admin' });
    admin = (await login(t, adminUser.email, adminUser.password)).auth;
    const v = world.volunteers[0].id;
    const c = world.coordinator.auth;
    d.twoHours = await world.dispatch(jst(8, '10:00'), jst(8, '12:00'), v);
    d.twoHoursOne = await world.dispatch(jst(9, '10:00'), jst(9, '12:00'), v);
    d.lateCancel = await world.dispatch(jst(10, '10:00'), jst(10, '11:00'), v);
    d.patientNoShow = await world.dispatch(jst(11, '10:00'), jst(11, '11:00'), v);
    d.interpreterNoShow = await world.dispatch(jst(12, '10:00'), jst(12, '11:00'), v);
    d.earlyCancel = await world.dispatch(jst(14, '10:00'), jst(14, '11:00'), v);
    await t
      .http()
      .post(`/api/dispatches/${d.earlyCancel.dispatchId}/cancel`)
      .set('Authorization', c)
      .send({ reason: '日程変更' })
      .expect(200);

    t.clock.set(jst(8, '13:00'));
    await t
      .http()
      .post(`/api/dispatches/${d.twoHours.dispatchId}/complete`)
      .set('Authorization', c)
      .send({ actualStart: jst(8, '10:00'), actualEnd: jst(8, '12:00') })
      .expect(200);
    t.clock.set(jst(9, '13:00'));
    await t
      .http()
      .post(`/api/dispatches/${d.twoHoursOne.dispatchId}/complete`)
      .set('Authorization', c)
      .send({ actualStart: jst(9, '10:00'), actualEnd: jst(9, '12:01') })
      .expect(200);
    const late = await t
      .http()
      .post(`/api/dispatches/${d.lateCancel.dispatchId}/cancel`)
      .set('Authorization', c)
      .send({ reason: '患者都合' })
      .expect(200);
    expect(late.body.lateCancellation).toBe(true);
    t.clock.set(jst(11, '12:00'));
    await t
      .http()
      .post(`/api/dispatches/${d.patientNoShow.dispatchId}/no-show`)
      .set('Authorization', c)
      .send({ party: 'patient' })
      .expect(200);
    t.clock.set(jst(12, '12:00'));
    await t
      .http()
      .post(`/api/dispatches/${d.interpreterNoShow.dispatchId}/no-show`)
      .set('Authorization', c)
      .send({ party: 'interpreter' })
      .expect(200);
  });
  afterAll(() => t.close());

  const hospitalStatement = async (month: string, auth = world.staff) =>
    (await t.http().get(`/api/statements/hospitals?month=${month}`).set('Authorization', auth).expect(200)).body;
  const volunteerStatement = async (month: string, auth = world.staff) =>
    (await t.http().get(`/api/statements/volunteers?month=${month}`).set('Authorization', auth).expect(200)).body;

  it('prices December by the worked examples: 2 h, 2 h 01 min, late cancellation, patient no-show', async () => {
    const s = await hospitalStatement('2026-12');
    expect(s.data).toHaveLength(1);
    const lines = s.data[0].lines.map(
      (l: { dispatchId: string; kind: string; minutes: number | null; amountYen: number }) => [
        l.dispatchId,
        l.kind,
        l.minutes,
        l.amountYen,
      ],
    );
    expect(lines).toEqual([
      [d.twoHours.dispatchId, 'visit', 120, 3000],
      [d.twoHoursOne.dispatchId, 'visit', 121, 4000],
      [d.lateCancel.dispatchId, 'late_cancellation', null, 3000],
      [d.patientNoShow.dispatchId, 'patient_no_show', null, 3000],
    ]);
    expect(s.data[0]).toMatchObject({ hospitalId: world.hospital.id, totalYen: 13000 });
    expect(s.totalYen).toBe(13000);

    const v = await volunteerStatement('2026-12');
    expect(v.data[0].lines.map((l: { dispatchId: string; amountYen: number }) => [l.dispatchId, l.amountYen])).toEqual([
      [d.twoHours.dispatchId, 3000],
      [d.twoHoursOne.dispatchId, 3000],
      [d.patientNoShow.dispatchId, 3000],
    ]);
    expect(v.totalYen).toBe(9000);
  });

  it('scopes statements: a coordinator sees their hospital, a volunteer their own', async () => {
    const other = await aUser(t, { role: 'coordinator' });
    const otherAuth = (await login(t, other.email, other.password)).auth;
    expect((await hospitalStatement('2026-12', otherAuth)).data).toEqual([]);
    expect((await hospitalStatement('2026-12', world.coordinator.auth)).totalYen).toBe(13000);
    expect((await volunteerStatement('2026-12', world.volunteers[0].auth)).totalYen).toBe(9000);
    await t
      .http()
      .get('/api/statements/hospitals?month=2026-12')
      .set('Authorization', world.volunteers[0].auth)
      .expect(403);
    await t
      .http()
      .get('/api/statements/hospitals?month=2026-13')
      .set('Authorization', world.staff)
      .expect((res) => expect([400, 422]).toContain(res.status));
  });

  it('prices January by the new rule and leaves December as it was', async () => {
    t.clock.set(jst(15, '09:00'));
    const today = await t
      .http()
      .post('/api/fee-rules')
      .set('Authorization', admin)
      .send(rule({ validFrom: '2026-12-15' }))
      .expect(422);
    expect(today.body.errors).toHaveProperty('validFrom');
    // Its own code, so the panel can word it on the date field.
    expect(today.body.code).toBe('FEE_RULE_NOT_FUTURE');
    await t.http().post('/api/fee-rules').set('Authorization', world.coordinator.auth).send(rule()).expect(403);
    await t.http().post('/api/fee-rules').set('Authorization', admin).send(rule()).expect(201);
    await t.http().post('/api/fee-rules').set('Authorization', admin).send(rule()).expect(409);
    const rules = (await t.http().get('/api/fee-rules').set('Authorization', world.staff).expect(200)).body;
    expect(rules.map((r: { validFrom: string }) => r.validFrom)).toEqual(['2000-01-01', '2027-01-01']);

    const jan = await world.dispatch('2027-01-12T10:00:00+09:00', '2027-01-12T12:30:00+09:00', world.volunteers[0].id);
    t.clock.set('2027-01-12T13:00:00+09:00');
    await t
      .http()
      .post(`/api/dispatches/${jan.dispatchId}/complete`)
      .set('Authorization', world.coordinator.auth)
      .send({ actualStart: '2027-01-12T10:00:00+09:00', actualEnd: '2027-01-12T12:30:00+09:00' })
      .expect(200);
    await t
      .http()
      .post(`/api/dispatches/${jan.dispatchId}/report`)
      .set('Authorization', world.volunteers[0].auth)
      .send({
        actualStart: '2027-01-12T10:00:00+09:00',
        actualEnd: '2027-01-12T12:30:00+09:00',
        waitingMinutes: 10,
        scenes: ['consultation'],
        difficulty: 2,
        transportCostYen: 840,
      })
      .expect(201);

    // 150 minutes: 3,500 + one started extra hour at 1,500; the volunteer gets 2,000 plus 840 transport.
    expect((await hospitalStatement('2027-01')).totalYen).toBe(5000);
    const v = await volunteerStatement('2027-01');
    expect(v.data[0].lines[0]).toMatchObject({ honorariumYen: 2000, transportYen: 840, amountYen: 2840 });
    expect((await hospitalStatement('2026-12')).totalYen).toBe(13000);
    expect((await volunteerStatement('2026-12')).totalYen).toBe(9000);
  });

  it('exports dispatches as CSV with a BOM, streamed, without patient details', async () => {
    const res = await t
      .http()
      .get('/api/exports/dispatches.csv?from=2026-12-01&to=2027-01-31')
      .set('Authorization', world.staff)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('dispatches-2026-12-01-2027-01-31.csv');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^日付,開始,終了,医療機関,/);
    expect(lines).toHaveLength(1 + 7);
    expect(text).toContain('熊本南病院');
    expect(text).not.toContain(PATIENT);
    await t
      .http()
      .get('/api/exports/dispatches.csv?from=2027-01-31&to=2026-12-01')
      .set('Authorization', world.staff)
      .expect(422);
    await t
      .http()
      .get('/api/exports/dispatches.csv?from=2026-12-01&to=2027-01-31')
      .set('Authorization', world.coordinator.auth)
      .expect(403);
  });

  it('exports dispatches, statements and attendance as .xlsx workbooks', async () => {
    const read = async (url: string) => {
      const res = await t.http().get(url).set('Authorization', world.staff).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      const rows: unknown[][] = [];
      workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const dispatches = await read('/api/exports/dispatches.xlsx?from=2026-12-01&to=2026-12-31');
    expect(dispatches).toHaveLength(1 + 6);
    expect(JSON.stringify(dispatches)).not.toContain(PATIENT);
    const statements = await read('/api/exports/statements/hospitals.xlsx?month=2026-12');
    expect(statements.slice(1).map((r) => r[6])).toEqual([3000, 4000, 3000, 3000]);
    const attendance = await read('/api/exports/attendance.xlsx?from=2025-04-01&to=2027-03-31');
    expect(attendance[0]).toEqual(['日付', '研修', '種類', '時間数', '通訳者', '出欠', '研修ID', '通訳者ID']);
    expect(attendance).toHaveLength(1 + 2);

    const csv = await t
      .http()
      .get('/api/exports/statements/volunteers.csv?month=2026-12')
      .set('Authorization', world.staff)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((csv.body as Buffer).toString('utf8').trim().split('\r\n')).toHaveLength(1 + 3);
  });

  it('answers FEE_RULE_EXISTS when the unique index, not the check, refuses a second rule for a day (a race the check lost)', async () => {
    const repo = t.dataSource.getRepository(FeeRule);
    const row = { ...rule({ validFrom: '2027-03-01' }), createdBy: null } as Partial<FeeRule>;
    await repo.save(repo.create(row));
    const lost = await repo.save(repo.create(row)).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(QueryFailedError);
    const sent: { status?: number; body?: Record<string, unknown> } = {};
    const response = {
      status: (status: number) => ({ json: (body: Record<string, unknown>) => Object.assign(sent, { status, body }) }),
      setHeader: () => undefined,
    };
    const host = {
      switchToHttp: () => ({ getRequest: () => ({ id: 'r1' }), getResponse: () => response }),
    } as unknown as ArgumentsHost;
    new ErrorFilter().catch(lost, host);
    expect(sent).toEqual({
      status: 409,
      body: { code: 'FEE_RULE_EXISTS', message: 'A rule already starts on that date', requestId: 'r1' },
    });
  });
});

function rule(over: Record<string, unknown> = {}) {
  return {
    validFrom: '2027-01-01',
    hospitalBaseYen: 3500,
    baseMinutes: 120,
    hospitalExtraHourYen: 1500,
    lateCancellationYen: 3500,
    patientNoShowYen: 3500,
    volunteerFlatYen: 2000,
    volunteerTransport: 'actual',
    ...over,
  };
}
