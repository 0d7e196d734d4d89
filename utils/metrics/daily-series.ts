/**
 * Day-by-day series for the dashboard's charts, counted with the same rules as computeDashboard:
 * the cases received in [from, to) that pass the category and agent filters, each in the local
 * day (in `timeZone`) it was received, its log read as it stood at the end of the range.
 *
 * - volume: cases received that day, per category (sums to the team's volumeByCategory).
 * - SLA: targets met and breached among the cases received that day (sums to the team's SLA
 *   counts), and compliance = met / (met + breached), null on a day with nothing decided.
 *
 * The days run from the range's first day (or the first receipt when the range has no start) to
 * the day of the range's end, at most MAX_DAYS (the latest ones are kept).
 */
import { CATEGORIES } from '../cases/events';
import { formatIsoDate } from '../calendar/civil-date';
import { caseFacts } from './case-facts';
import type { CategoryKey, DashboardInput } from './dashboard';
import { localDay, localMidnight } from './dashboard-input';

export const MAX_DAYS = 731;

export interface DailySeries {
  /** Local dates 'YYYY-MM-DD', one per day, in order. */
  days: string[];
  /** Epoch ms of each day's local midnight. */
  dayStarts: number[];
  volume: Record<CategoryKey, number[]>;
  sla: { met: number[]; breached: number[]; compliance: Array<number | null> };
}

const toMs = (t: string | Date | undefined): number | undefined =>
  t === undefined ? undefined : typeof t === 'string' ? Date.parse(t) : t.getTime();

export function dailySeries(input: DashboardInput, timeZone: string): DailySeries {
  const filters = input.filters ?? {};
  const from = toMs(filters.from);
  const to = toMs(filters.to) ?? input.now ?? Date.now();
  const categories = filters.categories && filters.categories.length > 0 ? new Set<string>(filters.categories) : undefined;
  const agents = filters.agents && filters.agents.length > 0 ? new Set(filters.agents) : undefined;

  const picked: Array<{ day: number; category: CategoryKey; met: number; breached: number }> = [];
  let firstDay = from === undefined ? Number.POSITIVE_INFINITY : localDay(from, timeZone);
  for (const c of input.cases) {
    if (agents && !agents.has(c.agentId)) continue;
    const facts = caseFacts(c, to - 1);
    const received = facts.receivedAt;
    if (received === undefined || received >= to) continue;
    if (from !== undefined && received < from) continue;
    const category: CategoryKey = facts.category ?? 'uncategorised';
    if (categories && !categories.has(category)) continue;
    let met = 0;
    let breached = 0;
    for (const s of c.statuses ?? []) {
      if (s.state === 'met') met += 1;
      else if (s.state === 'breached') breached += 1;
    }
    const day = localDay(received, timeZone);
    if (from === undefined && day < firstDay) firstDay = day;
    picked.push({ day, category, met, breached });
  }

  const lastDay = localDay(to - 1, timeZone);
  if (!Number.isFinite(firstDay)) firstDay = lastDay;
  firstDay = Math.max(firstDay, lastDay - MAX_DAYS + 1);
  const count = Math.max(0, lastDay - firstDay + 1);

  const zeros = () => new Array<number>(count).fill(0);
  const volume = { uncategorised: zeros() } as Record<CategoryKey, number[]>;
  for (const k of CATEGORIES) volume[k] = zeros();
  const met = zeros();
  const breached = zeros();
  for (const p of picked) {
    const i = p.day - firstDay;
    if (i < 0 || i >= count) continue;
    volume[p.category][i]! += 1;
    met[i]! += p.met;
    breached[i]! += p.breached;
  }
  const days: string[] = [];
  const dayStarts: number[] = [];
  for (let i = 0; i < count; i++) {
    days.push(formatIsoDate(firstDay + i));
    dayStarts.push(localMidnight(firstDay + i, timeZone));
  }
  return {
    days,
    dayStarts,
    volume,
    sla: { met, breached, compliance: met.map((m, i) => (m + breached[i]! > 0 ? m / (m + breached[i]!) : null)) },
  };
}
