import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CANCELLABLE_REQUEST_STATUSES,
  DEPARTMENT_NAMES,
  DEPARTMENTS,
  FILLED_REQUEST_STATUSES,
  isCancellable,
  isFilled,
  isLiveDispatch,
  isOffering,
  isOpen,
  MODE_NAMES,
  MODES,
  OPEN_REQUEST_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  VISIT_TYPE_NAMES,
  VISIT_TYPES,
  visitHappened,
} from '.';

/**
 * Besides its own files, the model may import only pure code the panel can bundle: the matching
 * configuration, and the Tokyo calendar and public holidays of the lead-time rule (lead-time.ts),
 * so the request form shows 至急 by the very rule the API applies.
 */
const PURE_PACKAGES = ['@app/matching/matching-config', '@date-fns/tz', 'date-fns', '@holiday-jp/holiday_jp'];

describe('the model (libs/domain/src/model)', () => {
  it("imports nothing but itself, the pure matching configuration and the lead-time rule's calendar packages, so the panel can bundle it without TypeORM", () => {
    const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    const imports = sources.flatMap((f) =>
      [...readFileSync(join(__dirname, f), 'utf8').matchAll(/(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
        (m) => m[1],
      ),
    );
    for (const from of imports) expect(PURE_PACKAGES.includes(from) || from.startsWith('./')).toBe(true);
  });

  it('names its state sets from the transition table', () => {
    expect(OPEN_REQUEST_STATUSES).toEqual(['open', 'offered', 'escalated']);
    expect(OPEN_REQUEST_STATUSES).toEqual(REQUEST_TRANSITIONS.offer.from);
    expect(CANCELLABLE_REQUEST_STATUSES).toEqual(['open', 'offered', 'confirmed', 'escalated']);
    expect(REQUEST_STATUSES.filter(isOpen)).toEqual(['open', 'offered', 'escalated']);
    expect(REQUEST_STATUSES.filter(isOffering)).toEqual(['open', 'offered']);
    expect(REQUEST_STATUSES.filter(isCancellable)).toEqual(['open', 'offered', 'confirmed', 'escalated']);
    expect(REQUEST_STATUSES.filter(isFilled)).toEqual([...FILLED_REQUEST_STATUSES]);
    // a filled request is one the table can complete or reopen, or completed
    expect(FILLED_REQUEST_STATUSES).toEqual([...REQUEST_TRANSITIONS.complete.from, REQUEST_TRANSITIONS.complete.to]);
    expect(['confirmed', 'completed', 'cancelled', 'no_show'].filter(isLiveDispatch)).toEqual([
      'confirmed',
      'completed',
    ]);
    expect(isOpen(null)).toBe(false);
  });

  it('knows when a visit has happened: completed, or confirmed and over', () => {
    const now = new Date('2026-12-03T03:00:00Z');
    expect(visitHappened({ status: 'completed', endsAt: '2026-12-04T00:00:00Z' }, now)).toBe(true);
    expect(visitHappened({ status: 'confirmed', endsAt: '2026-12-03T03:00:00Z' }, now)).toBe(true);
    expect(visitHappened({ status: 'confirmed', endsAt: new Date('2026-12-03T03:00:01Z') }, now)).toBe(false);
    expect(visitHappened({ status: 'cancelled', endsAt: '2026-12-01T00:00:00Z' }, now)).toBe(false);
    expect(visitHappened({ status: 'no_show', endsAt: '2026-12-01T00:00:00Z' }, now)).toBe(false);
  });

  it('names every department, visit type and mode in Japanese and English', () => {
    for (const [codes, names] of [
      [DEPARTMENTS, DEPARTMENT_NAMES],
      [VISIT_TYPES, VISIT_TYPE_NAMES],
      [MODES, MODE_NAMES],
    ] as const) {
      expect(Object.keys(names).sort()).toEqual([...codes].sort());
      for (const n of Object.values(names)) expect(n.ja && n.en).toBeTruthy();
    }
  });
});
