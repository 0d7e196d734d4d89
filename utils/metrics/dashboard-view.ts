/**
 * What the dashboard shows for one source under one set of filters: the figures, the charts'
 * series and what the filters offer. Made by the dashboard page from the database
 * (utils/desk/dashboard-view.ts) with what the background says to measure by (DashboardBasis),
 * and the last one for the default filters kept as the page's first paint
 * (utils/db/dashboard-views.ts).
 */
import type { DashboardFigures } from './dashboard';
import type { DailySeries } from './daily-series';
import type { DashboardFormFilters } from './dashboard-input';
import type { OwnershipFigures } from './ownership-figures';
import type { SlaPolicy } from '../sla/types';

export interface DashboardView {
  source: 'local' | 'team';
  /** The moment the figures were taken (epoch ms): SLA states and the default end of the range. */
  now: number;
  /** The calendar's time zone: date filters and chart days are local to it. */
  timeZone: string;
  /** Every case known from this source, before filters. */
  totalCases: number;
  /** The agents the filter offers (their ids). */
  agents: string[];
  /** What to call each agent, where known: the agent's name; a team agent is the server user who wrote its records (its id). */
  agentNames: Record<string, string>;
  figures: DashboardFigures;
  series: DailySeries;
  /** Cases whose SLA states were evaluated again for this answer (the rest came from the cache). */
  evaluated: number;
  /** Where the time went, in ms: reading the digests (and logs of stale cases), the figures. */
  timings: { readMs: number; figuresMs: number };
  /** Shared inbox: cases per owner, reassignments and conflicting claims in the range (./ownership-figures.ts). */
  ownership?: OwnershipFigures;
  /** What to call each owner (handles). */
  ownerNames?: Record<string, string>;
}

/**
 * What the background tells the dashboard page before it computes a source's figures: the SLA
 * policy the records are measured by (the settings in force, or the team's published ones, with
 * their public holidays resolved), what to call the agents known here, the agent of this install
 * as the team knows them (for the shared inbox's figures), and the database schema the
 * background has opened (the page reads only that version: it never creates or upgrades).
 */
export interface DashboardBasis {
  policy: SlaPolicy;
  names: Record<string, string>;
  me: { handle: string; name?: string; role?: 'agent' | 'lead' };
  schemaVersion: number;
}

/** The filters the page opens with (nothing ticked, no dates): the view kept for the next first paint. */
export function isDefaultForm(form: DashboardFormFilters): boolean {
  return !form.fromDate && !form.toDate && (form.categories?.length ?? 0) === 0 && (form.agents?.length ?? 0) === 0;
}
