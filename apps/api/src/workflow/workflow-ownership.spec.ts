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

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return file === OWNER ? [] : sources(file);
    return file.endsWith('.ts') && !file.endsWith('.spec.ts') && file !== HISTORY_SEED ? [file] : [];
  });
}

function offences(text: string): string[] {
  return WRITES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

describe('Workflow ownership', () => {
  it('leaves every status change and status-log line to the workflow module (Workflow.move/start)', () => {
    // Whole files, not lines: a formatted call spreads over several lines.
    const found = sources(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return WRITES.flatMap(([what, pattern]) =>
        [...text.matchAll(new RegExp(pattern.source, pattern.flags + 'g'))].map((match) => {
          const line = text.slice(0, match.index).split('\n').length;
          return `${path.relative(SRC, file)}:${line} ${what}: ${match[0].replace(/\s+/g, ' ').slice(0, 120)}`;
        }),
      );
    });
    expect(found).toEqual([]);
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
