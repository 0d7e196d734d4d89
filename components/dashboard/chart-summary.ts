/** The words that stand in for each chart (its aria-label), from figures already computed. */
import type { DailySeries } from '../../utils/metrics/daily-series';
import type { Figures } from '../../utils/metrics/dashboard';
import { categoryLabel, formatShare, targetLabel } from './format-figure';

function span(series: DailySeries): string {
  const first = series.days[0];
  const last = series.days.at(-1);
  if (!first || !last) return 'no days';
  return first === last ? first : `${first} to ${last}`;
}

export function volumeChartSummary(series: DailySeries, team: Figures): string {
  const parts = Object.entries(team.volumeByCategory)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${categoryLabel(c).toLowerCase()} ${n}`);
  return `Line chart of cases received per day by category, ${span(series)}. In all: ${team.cases} cases${parts.length ? ` (${parts.join(', ')})` : ''}. Each day's numbers are in the table "Daily numbers".`;
}

export function slaChartSummary(series: DailySeries, team: Figures): string {
  const parts = team.sla.map((s) => `${targetLabel(s.target).toLowerCase()} ${formatShare(s.compliance)}`);
  return `Line chart of the share of SLA targets met per day of receipt, ${span(series)}. Over the range: ${parts.length ? parts.join(', ') : 'no targets decided'}. Each day's numbers are in the table "Daily numbers".`;
}
