/**
 * The dashboard as CSV (RFC 4180, CRLF line ends), one figure a row:
 * `scope,metric,key,value,count` where scope is "team" or an agent id.
 *
 * Formula injection: a text cell starting with = + - @ (or a tab or carriage return) is
 * prefixed with an apostrophe so a spreadsheet shows it as text. Numbers are written as numbers
 * (a negative NPS stays -20); empty figures are empty cells.
 */
import type { DashboardFigures, Figures } from './dashboard';

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV cell: escaped against formulas, quoted when needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(round(value)) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

function rowsFor(scope: string, f: Figures): Array<Array<string | number | null>> {
  const rows: Array<Array<string | number | null>> = [
    [scope, 'cases', '', f.cases, null],
    [scope, 'first_response_minutes', 'median', f.firstResponse.median, f.firstResponse.count],
    [scope, 'first_response_minutes', 'p90', f.firstResponse.p90, f.firstResponse.count],
    [scope, 'resolution_minutes', 'median', f.resolution.median, f.resolution.count],
    [scope, 'resolution_minutes', 'p90', f.resolution.p90, f.resolution.count],
  ];
  for (const s of f.sla) rows.push([scope, 'sla_compliance', s.target, s.compliance, s.met + s.breached]);
  rows.push(
    [scope, 'complaint_resolution_rate', '', f.complaintResolution.rate, f.complaintResolution.resolvedOrClosed],
    [scope, 'csat_average', '', f.csat.average, f.csat.responses],
    [scope, 'nps', '', f.nps.score, f.nps.responses],
  );
  for (const [category, n] of Object.entries(f.volumeByCategory)) rows.push([scope, 'volume', category, n, null]);
  rows.push([scope, 'backlog', '', f.backlog, null], [scope, 'breaches', '', f.breaches, null]);
  return rows;
}

export function dashboardToCsv(figures: DashboardFigures): string {
  const rows: Array<Array<string | number | null>> = [['scope', 'metric', 'key', 'value', 'count']];
  rows.push(...rowsFor('team', figures.team));
  for (const a of figures.byAgent) rows.push(...rowsFor(a.agentId, a.figures));
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
