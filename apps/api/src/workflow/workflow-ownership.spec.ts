import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..');
const OWNER = path.join(SRC, 'workflow');
/** The demo's past year is written as history (rows as they ended up, with their log), not lived through. */
const HISTORY_SEED = path.join(SRC, 'bootstrap', 'demo-history.ts');

const SUBJECT = String.raw`(?:InterpretationRequest|Offer|Dispatch)`;
/** Ways code outside the workflow module could change a request's, offer's or dispatch's status or write its log. */
const WRITES: Array<[name: string, pattern: RegExp]> = [
  ['assigns a status', /\b\w*(?:request|offer|dispatch|own|row)\.status\s*=(?!=)/i],
  ['writes the status log', /\blog\.record\(|\bWorkflowLog\b|(?:insert|create|save)\(\s*StatusTransition\b/],
  [
    'writes a status through TypeORM',
    new RegExp(String.raw`\b(?:update|insert|create)\(\s*${SUBJECT}\b[^;]*\bstatus\s*:`),
  ],
  // In the SET list only: a status in the WHERE clause is a condition (update only while confirmed), not a write.
  ['writes a status in SQL', /UPDATE\s+(?:requests|offers|dispatches)\s+SET(?:(?!\bWHERE\b)[^;`])*\bstatus\s*=/i],
];

/**
 * The mail and timers a move's declared consequences send and arm (workflow-consequences.ts): a
 * service calling one by hand after its move would queue it twice or out of turn.
 */
const CONSEQUENCE_MAIL = [
  'confirmed',
  'dispatchCancelled',
  'interpreterDroppedOut',
  'cancelled',
  'visitMoved',
  'offersWithdrawn',
];
const FOLLOWS: Array<[name: string, pattern: RegExp]> = [
  ['sends the mail of a move', new RegExp(String.raw`\bnotifier\s*\.\s*(?:${CONSEQUENCE_MAIL.join('|')})\s*\(`)],
  [
    "arms a move's timer",
    /\btype\s*:\s*(?:DISPATCH_JOBS\s*\.\s*(?:reminder|reconfirm|reconfirmDeadline)|OFFER_JOBS\s*\.\s*firstWave)\b|['"](?:dispatch\.(?:reminder|reconfirm|reconfirm-deadline)|request\.first-wave)['"]/,
  ],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return file === OWNER ? [] : sources(file);
    return file.endsWith('.ts') && !file.endsWith('.spec.ts') && file !== HISTORY_SEED ? [file] : [];
  });
}

function offences(text: string, rules = WRITES): string[] {
  return rules.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** Where each rule matches in the sources outside the workflow module. */
function found(rules: Array<[name: string, pattern: RegExp]>): string[] {
  // Whole files, not lines: a formatted call spreads over several lines.
  return sources(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return rules.flatMap(([what, pattern]) =>
      [...text.matchAll(new RegExp(pattern.source, pattern.flags + 'g'))].map((match) => {
        const line = text.slice(0, match.index).split('\n').length;
        return `${path.relative(SRC, file)}:${line} ${what}: ${match[0].replace(/\s+/g, ' ').slice(0, 120)}`;
      }),
    );
  });
}

describe('Workflow ownership', () => {
  it('leaves every status change and status-log line to the workflow module (Workflow.move/start)', () => {
    expect(found(WRITES)).toEqual([]);
  });

  it("leaves a move's mail and timers (a visit's, a filing's first wave) to the move's declared consequences", () => {
    expect(found(FOLLOWS)).toEqual([]);
  });

  it('recognises the mail and timers it moved into the consequences', () => {
    expect(offences(`await this.notifier.confirmed(manager, request, dispatch);`, FOLLOWS)).toEqual([
      'sends the mail of a move',
    ]);
    expect(offences(`await this.notifier\n  .visitMoved(manager, request, dispatch, from, null);`, FOLLOWS)).toEqual([
      'sends the mail of a move',
    ]);
    expect(
      offences(`await this.jobs.schedule(manager, {\n  type: DISPATCH_JOBS.reconfirmDeadline,\n  dueAt,`, FOLLOWS),
    ).toEqual(["arms a move's timer"]);
    expect(offences(`type: OFFER_JOBS.firstWave, dueAt: this.clock.now()`, FOLLOWS)).toEqual(["arms a move's timer"]);
    // The timers' own mail and a re-offer stay with the services.
    expect(offences(`await this.notifier.reminders(manager, request, dispatch);`, FOLLOWS)).toEqual([]);
    expect(offences(`await this.notifier.offersSent(manager, request, sent);`, FOLLOWS)).toEqual([]);
    expect(offences(`type: DISPATCH_JOBS.reoffer,`, FOLLOWS)).toEqual([]);
    expect(offences(`await this.jobs.cancelWhere(manager, DISPATCH_JOBS.reconfirmDeadline, {`, FOLLOWS)).toEqual([]);
  });

  it('leaves the dispatch policy to its one provider (no service keeps a copy of the defaults)', () => {
    const copies = sources(SRC)
      .filter(
        (file) =>
          path.basename(file) !== 'dispatch-policy.ts' && /DEFAULT_DISPATCH_POLICY/.test(readFileSync(file, 'utf8')),
      )
      .map((file) => path.relative(SRC, file));
    expect(copies).toEqual([]);
  });

  it('recognises the hand-written moves it replaced', () => {
    expect(offences(`request.status = transition('request', request.status, 'cancel');`)).toEqual(['assigns a status']);
    expect(
      offences(`await manager.update(\n  Offer,\n  { id: In(ids), status: 'pending' },\n  { status: 'expired' },\n);`),
    ).toEqual(['writes a status through TypeORM']);
    expect(offences(`await this.log.record(manager, { subjectType: 'offer', subjectId: offer.id });`)).toEqual([
      'writes the status log',
    ]);
    expect(offences(`await manager.update(Offer, { id: In(ids), status: 'pending' }, { status: 'expired' });`)).toEqual(
      ['writes a status through TypeORM'],
    );
    expect(offences("await manager.query(`UPDATE requests SET status = 'confirmed' WHERE id = $1`)")).toEqual([
      'writes a status in SQL',
    ]);
    expect(offences(`const open = request.status === 'open';`)).toEqual([]);
  });
});
