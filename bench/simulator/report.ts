import { PolicyFigures } from './metrics';

export interface Report {
  seed: number;
  size: string;
  requests: number;
  volunteers: number;
  optimumFilled: number;
  /** Optimum that also knows who would drop out after confirming (never uses those pairs): the tighter yardstick. */
  optimumKnownDropoutsFilled: number;
  /** Optimum if every eligible volunteer said yes (pool and availability bound). */
  supplyBoundFilled: number;
  optimumProven: boolean;
  rows: PolicyFigures[];
  seconds: number;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));
/** Minutes as "45 min", "3.2 h" or "2.1 d". */
export function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 120) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} d`;
}

const COLUMNS: { head: string; cell: (r: PolicyFigures) => string }[] = [
  { head: 'policy', cell: (r) => r.label },
  { head: 'filled', cell: (r) => `${r.filled}/${r.requests}` },
  { head: 'fill rate', cell: (r) => pct(r.fillRate) },
  { head: 'vs optimum', cell: (r) => pct(r.fillVsOptimum) },
  { head: 'median to confirm', cell: (r) => duration(r.medianMinutes) },
  { head: 'median (daytime)', cell: (r) => duration(r.medianDaytimeMinutes) },
  { head: 'p90 to confirm', cell: (r) => duration(r.p90Minutes) },
  { head: 'escalations', cell: (r) => (r.escalations === null ? 'n/a' : String(r.escalations)) },
  { head: 'offers/fill', cell: (r) => num(r.contactsPerFill, 2) },
  { head: 'Gini', cell: (r) => num(r.gini, 3) },
  { head: 'continuity', cell: (r) => pct(r.continuity) },
];

/** The table as aligned plain text (what the terminal shows). */
export function textTable(rows: readonly PolicyFigures[]): string {
  const cells = [COLUMNS.map((c) => c.head), ...rows.map((r) => COLUMNS.map((c) => c.cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** The table as GitHub Markdown (for the README). */
export function markdownTable(rows: readonly PolicyFigures[]): string {
  const head = `| ${COLUMNS.map((c) => c.head).join(' | ')} |`;
  const rule = `|${COLUMNS.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${COLUMNS.map((c) => c.cell(r)).join(' | ')} |`)].join('\n');
}

export function unfilledTable(rows: readonly PolicyFigures[]): string {
  const languages = [...new Set(rows.flatMap((r) => Object.keys(r.unfilledByLanguage)))].sort();
  const widths = [Math.max(...rows.map((r) => r.id.length), 6), ...languages.map((l) => Math.max(l.length, 4))];
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    line(['unfilled', ...languages]),
    ...rows.map((r) => line([r.id, ...languages.map((l) => String(r.unfilledByLanguage[l] ?? 0))])),
  ].join('\n');
}

const COLORS = ['#7f7f7f', '#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function barChart(rows: readonly PolicyFigures[], optimumRate: number): string {
  const w = 640;
  const barH = 26;
  const h = rows.length * (barH + 10) + 40;
  const x0 = 260;
  const scale = (x: number) => x0 + x * (w - x0 - 60);
  const bars = rows
    .map((r, i) => {
      const y = 20 + i * (barH + 10);
      return `<text x="${x0 - 8}" y="${y + 17}" text-anchor="end">${esc(r.label)}</text><rect x="${x0}" y="${y}" width="${scale(r.fillRate) - x0}" height="${barH}" fill="${COLORS[i % COLORS.length]}"/><text x="${scale(r.fillRate) + 4}" y="${y + 17}">${pct(r.fillRate)}</text>`;
    })
    .join('');
  const opt = scale(optimumRate);
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" font-size="12" font-family="sans-serif">${bars}<line x1="${opt}" x2="${opt}" y1="10" y2="${h - 15}" stroke="#000" stroke-dasharray="4 3"/><text x="${opt}" y="${h - 3}" text-anchor="middle">optimum ${pct(optimumRate)}</text></svg>`;
}

const BUCKETS: [string, number][] = [
  ['<15m', 15],
  ['15–30m', 30],
  ['30–60m', 60],
  ['1–2h', 120],
  ['2–4h', 240],
  ['4–8h', 480],
  ['8–24h', 1440],
  ['1–3d', 4320],
  ['>3d', Infinity],
];

function histogram(rows: readonly PolicyFigures[]): string {
  const w = 720;
  const h = 280;
  const pad = 40;
  const groupW = (w - pad * 2) / BUCKETS.length;
  const barW = (groupW - 8) / rows.length;
  const shares = rows.map((r) => {
    const counts = BUCKETS.map(() => 0);
    for (const m of r.minutesToFill) counts[BUCKETS.findIndex(([, limit]) => m < limit)]++;
    return counts.map((c) => (r.minutesToFill.length ? c / r.minutesToFill.length : 0));
  });
  const max = Math.max(0.01, ...shares.flat());
  const y = (s: number) => h - pad - (s / max) * (h - pad * 2);
  let svg = '';
  BUCKETS.forEach(([label], b) => {
    const gx = pad + b * groupW;
    rows.forEach((_, p) => {
      const top = y(shares[p][b]);
      svg += `<rect x="${gx + 4 + p * barW}" y="${top}" width="${barW - 1}" height="${h - pad - top}" fill="${COLORS[p % COLORS.length]}"><title>${esc(rows[p].label)}: ${pct(shares[p][b])}</title></rect>`;
    });
    svg += `<text x="${gx + groupW / 2}" y="${h - pad + 16}" text-anchor="middle">${label}</text>`;
  });
  svg += `<line x1="${pad}" x2="${w - pad}" y1="${h - pad}" y2="${h - pad}" stroke="#000"/><text x="${pad}" y="14">share of filled requests (max ${pct(max)})</text>`;
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" font-size="11" font-family="sans-serif">${svg}</svg>${legend(rows)}`;
}

function workload(rows: readonly PolicyFigures[]): string {
  const w = 720;
  const h = 280;
  const pad = 40;
  const max = Math.max(1, ...rows.flatMap((r) => r.dispatchesPerVolunteer));
  const lines = rows
    .map((r, p) => {
      const sorted = [...r.dispatchesPerVolunteer].sort((a, b) => b - a);
      const n = Math.max(1, sorted.length - 1);
      const pts = sorted
        .map(
          (c, i) => `${(pad + (i / n) * (w - pad * 2)).toFixed(1)},${(h - pad - (c / max) * (h - pad * 2)).toFixed(1)}`,
        )
        .join(' ');
      return `<polyline points="${pts}" fill="none" stroke="${COLORS[p % COLORS.length]}" stroke-width="2"/>`;
    })
    .join('');
  const axes = `<line x1="${pad}" x2="${w - pad}" y1="${h - pad}" y2="${h - pad}" stroke="#000"/><line x1="${pad}" x2="${pad}" y1="${pad}" y2="${h - pad}" stroke="#000"/><text x="${pad}" y="${pad - 8}">dispatches in the year (max ${max})</text><text x="${w - pad}" y="${h - pad + 18}" text-anchor="end">volunteers, busiest first</text>`;
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" font-size="11" font-family="sans-serif">${axes}${lines}</svg>${legend(rows)}`;
}

function legend(rows: readonly PolicyFigures[]): string {
  return `<p>${rows.map((r, i) => `<span style="color:${COLORS[i % COLORS.length]}">■</span> ${esc(r.label)}`).join(' &nbsp; ')}</p>`;
}

/** A self-contained HTML page: the table, unfilled requests by language and three inline SVG charts. */
export function htmlReport(report: Report): string {
  const rows = report.rows;
  const table = `<table><thead><tr>${COLUMNS.map((c) => `<th>${esc(c.head)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${COLUMNS.map((c) => `<td>${esc(c.cell(r))}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
  const languages = [...new Set(rows.flatMap((r) => Object.keys(r.unfilledByLanguage)))].sort();
  const unfilled = `<table><thead><tr><th>unfilled</th>${languages.map((l) => `<th>${l}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><td>${esc(r.label)}</td>${languages.map((l) => `<td>${r.unfilledByLanguage[l] ?? 0}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
  const optimumRate = report.optimumFilled / report.requests;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dispatch simulator — seed ${report.seed}, ${report.size}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}</style></head>
<body>
<h1>Dispatch simulator</h1>
<p>Seed ${report.seed}, size ${esc(report.size)}: ${report.requests} requests, ${report.volunteers} volunteers, fiscal year 2026 (April 2026 – March 2027).
Offline optimum with known answers: ${report.optimumFilled} filled${report.optimumProven ? ' (proven optimal)' : ' (solver time limit: best found)'};
also knowing who would drop out: ${report.optimumKnownDropoutsFilled}; if every eligible volunteer said yes: ${report.supplyBoundFilled}. Simulated in ${report.seconds.toFixed(1)} s.</p>
${table}
<h2>Unfilled requests by language</h2>${unfilled}
<h2>Fill rate by policy</h2>${barChart(rows, optimumRate)}
<h2>Time from filing to confirmation</h2>${histogram(rows)}
<h2>Workload per volunteer</h2>${workload(rows)}
<p>Assumptions of the generator: bench/simulator/GENERATOR.md.</p>
</body></html>
`;
}
