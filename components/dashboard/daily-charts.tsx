/** The two charts of the range, day by day, and the table that holds their numbers. */
import { useMemo, useState } from 'preact/hooks';
import type { DailySeries } from '../../utils/metrics/daily-series';
import type { Figures } from '../../utils/metrics/dashboard';
import { slaChartSummary, volumeChartSummary } from './chart-summary';
import { categoryLabel, formatCount, formatShare } from './format-figure';
import { UplotChart } from './uplot-chart';
import type { ChartSeries } from './uplot-chart';

const COLORS: Record<string, string> = { inquiry: '--series-1', complaint: '--series-2', support: '--series-3', uncategorised: '--series-4' };

const PERCENT_RANGE: [number, number] = [0, 100];
const percent = (v: number) => `${v}%`;

export function DailyCharts({ series, team }: { series: DailySeries; team: Figures }) {
  const x = useMemo(() => series.dayStarts.map((t) => t / 1000), [series]);
  const volume = useMemo<ChartSeries[]>(
    () =>
      Object.entries(series.volume)
        .filter(([c]) => c !== 'uncategorised' || team.volumeByCategory.uncategorised > 0)
        .map(([c, values]) => ({ label: categoryLabel(c), colorVar: COLORS[c] ?? '--series-1', values })),
    [series, team],
  );
  const sla = useMemo<ChartSeries[]>(
    () => [{ label: 'SLA targets met', colorVar: '--series-1', values: series.sla.compliance.map((c) => (c === null ? null : c * 100)) }],
    [series],
  );
  const [open, setOpen] = useState(false);
  return (
    <div class="charts">
      <section class="card" aria-labelledby="chart-volume-title">
        <h3 id="chart-volume-title">Cases received per day</h3>
        <UplotChart id="chart-volume" summary={volumeChartSummary(series, team)} x={x} series={volume} yLabel="cases" />
      </section>
      <section class="card" aria-labelledby="chart-sla-title">
        <h3 id="chart-sla-title">SLA compliance per day</h3>
        <UplotChart id="chart-sla" summary={slaChartSummary(series, team)} x={x} series={sla} yLabel="% met" yRange={PERCENT_RANGE} formatY={percent} />
      </section>
      <details class="daily-numbers" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>Daily numbers (the charts as a table)</summary>
        {open ? (
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="daily-table-caption">
            <table class="figures-table" data-testid="daily-table">
              <caption id="daily-table-caption">Cases received and SLA targets per day of receipt</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  {Object.keys(series.volume).map((c) => (
                    <th scope="col" key={c}>{categoryLabel(c)}</th>
                  ))}
                  <th scope="col">SLA targets met</th>
                  <th scope="col">SLA targets breached</th>
                  <th scope="col">Share met</th>
                </tr>
              </thead>
              <tbody>
                {series.days.map((day, i) => (
                  <tr key={day}>
                    <th scope="row">{day}</th>
                    {Object.entries(series.volume).map(([c, values]) => (
                      <td key={c}>{formatCount(values[i] ?? 0)}</td>
                    ))}
                    <td>{formatCount(series.sla.met[i] ?? 0)}</td>
                    <td>{formatCount(series.sla.breached[i] ?? 0)}</td>
                    <td>{formatShare(series.sla.compliance[i] ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </details>
    </div>
  );
}
