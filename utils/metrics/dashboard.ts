/**
 * Every figure of the team lead's dashboard, for the team and per agent, from case event logs
 * (local data alone, or everyone's synced records). Pure: the caller passes the business
 * calendar as `businessMinutes`, and "now" for the backlog.
 *
 * Which cases count: those received within the date range [from, to) whose category and agent
 * pass the filters. Backlog is the exception: it counts every case (category and agent filters
 * applied) received before the end of the range and still open at that moment. Events after
 * the end of the range are ignored; SLA target states are taken as given (the caller evaluates
 * them, normally at the present moment).
 */
import type { CaseEvent, Category } from '../cases/events';
import { CATEGORIES } from '../cases/events';
import { caseFacts, isOpen } from './case-facts';
import type { CaseFacts } from './case-facts';
import { spread } from './percentile';
import type { Spread } from './percentile';

/** The SLA module's target states (its TargetStatus is structurally compatible). */
export type SlaTargetState = 'not_started' | 'running' | 'due_soon' | 'paused' | 'met' | 'breached';
export interface SlaTargetStatus {
  target: string;
  state: SlaTargetState;
}

export interface DashboardCase {
  caseId: string;
  /** The agent who owns the case (the install's agent id, or the synced document's agentId). */
  agentId: string;
  category?: Category | undefined;
  /** The case's event log; or, instead, its marks (case-marks.ts), which give the same figures. */
  events?: readonly CaseEvent[] | undefined;
  marks?: ArrayLike<number> | undefined;
  /** The SLA module's evaluation of each target of the case, when known. */
  statuses?: readonly SlaTargetStatus[] | undefined;
}

/** Satisfaction recorded outside the event log (outcome records); the latest per case wins. */
export interface DashboardOutcome {
  caseId: string;
  at?: string | undefined;
  csat?: number | undefined;
  nps?: number | undefined;
}

export interface DashboardFilters {
  /** Inclusive start (ISO instant or Date). */
  from?: string | Date | undefined;
  /** Exclusive end (ISO instant or Date); also the moment the backlog is taken (default: now). */
  to?: string | Date | undefined;
  categories?: readonly Category[] | undefined;
  agents?: readonly string[] | undefined;
}

export interface DashboardInput {
  cases: readonly DashboardCase[];
  outcomes?: readonly DashboardOutcome[] | undefined;
  filters?: DashboardFilters | undefined;
  /** Business minutes between two instants (the calendar's); default: calendar minutes. */
  businessMinutes?: ((start: Date, end: Date) => number) | undefined;
  /** Epoch ms for "now" when the range has no end (default Date.now()). */
  now?: number | undefined;
}

export type CategoryKey = Category | 'uncategorised';

export interface SlaCompliance {
  target: string;
  met: number;
  breached: number;
  /** Not decided yet (not started, running, due soon, paused). */
  pending: number;
  /** met / (met + breached), null when nothing is decided. */
  compliance: number | null;
}

export interface Figures {
  /** Cases received in the range (after filters). */
  cases: number;
  /** Business minutes from receipt to the first acknowledgement or reply. */
  firstResponse: Spread;
  /** Business minutes from receipt to resolution (resolved cases). */
  resolution: Spread;
  sla: SlaCompliance[];
  complaintResolution: {
    /** Complaints closed with the customer's confirmed satisfaction. */
    resolvedToSatisfaction: number;
    /** Complaints resolved or closed. */
    resolvedOrClosed: number;
    rate: number | null;
  };
  csat: { average: number | null; responses: number };
  /** Net promoter score in points (−100…100): % promoters (9–10) − % detractors (0–6). */
  nps: { score: number | null; promoters: number; passives: number; detractors: number; responses: number };
  volumeByCategory: Record<CategoryKey, number>;
  /** Open cases at the end of the range. */
  backlog: number;
  /** SLA targets breached. */
  breaches: number;
}

export interface DashboardFigures {
  team: Figures;
  /** Per agent id, sorted by id; agents with neither cases in range nor backlog are left out. */
  byAgent: Array<{ agentId: string; figures: Figures }>;
  /** The range actually used, as ISO instants (from may be null: since the beginning). */
  range: { from: string | null; to: string };
}

const calendarMinutes = (start: Date, end: Date): number => (end.getTime() - start.getTime()) / 60_000;

const toMs = (t: string | Date | undefined): number | undefined =>
  t === undefined ? undefined : typeof t === 'string' ? Date.parse(t) : t.getTime();

/** Sums the figures are built from; one per scope (team, each agent). */
class Accumulator {
  cases = 0;
  readonly firstResponse: number[] = [];
  readonly resolution: number[] = [];
  readonly sla = new Map<string, { met: number; breached: number; pending: number }>();
  complaintsSatisfied = 0;
  complaintsDone = 0;
  csatSum = 0;
  csatCount = 0;
  promoters = 0;
  passives = 0;
  detractors = 0;
  readonly volume: Record<CategoryKey, number> = emptyVolume();
  backlog = 0;
  breaches = 0;

  figures(): Figures {
    const npsResponses = this.promoters + this.passives + this.detractors;
    return {
      cases: this.cases,
      firstResponse: spread(this.firstResponse),
      resolution: spread(this.resolution),
      sla: [...this.sla.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([target, c]) => ({ target, ...c, compliance: c.met + c.breached > 0 ? c.met / (c.met + c.breached) : null })),
      complaintResolution: {
        resolvedToSatisfaction: this.complaintsSatisfied,
        resolvedOrClosed: this.complaintsDone,
        rate: this.complaintsDone > 0 ? this.complaintsSatisfied / this.complaintsDone : null,
      },
      csat: { average: this.csatCount > 0 ? this.csatSum / this.csatCount : null, responses: this.csatCount },
      nps: {
        score: npsResponses > 0 ? ((this.promoters - this.detractors) / npsResponses) * 100 : null,
        promoters: this.promoters,
        passives: this.passives,
        detractors: this.detractors,
        responses: npsResponses,
      },
      volumeByCategory: { ...this.volume },
      backlog: this.backlog,
      breaches: this.breaches,
    };
  }
}

function emptyVolume(): Record<CategoryKey, number> {
  const v = { uncategorised: 0 } as Record<CategoryKey, number>;
  for (const c of CATEGORIES) v[c] = 0;
  return v;
}

function latestOutcomes(outcomes: readonly DashboardOutcome[] | undefined): Map<string, { csat?: { value: number; at: number }; nps?: { value: number; at: number } }> {
  const out = new Map<string, { csat?: { value: number; at: number }; nps?: { value: number; at: number } }>();
  for (const o of outcomes ?? []) {
    const at = o.at ? Date.parse(o.at) : Number.NEGATIVE_INFINITY;
    const cur = out.get(o.caseId) ?? {};
    if (typeof o.csat === 'number' && (!cur.csat || at >= cur.csat.at)) cur.csat = { value: o.csat, at };
    if (typeof o.nps === 'number' && (!cur.nps || at >= cur.nps.at)) cur.nps = { value: o.nps, at };
    out.set(o.caseId, cur);
  }
  return out;
}

/** A case's first-response and resolution times in minutes, counted once for the team's and its agent's figures. */
interface CaseMinutes {
  firstResponse?: number;
  resolution?: number;
}

function caseMinutes(f: CaseFacts, minutes: (s: Date, e: Date) => number): CaseMinutes {
  const out: CaseMinutes = {};
  if (f.receivedAt !== undefined && f.firstResponseAt !== undefined) out.firstResponse = minutes(new Date(f.receivedAt), new Date(f.firstResponseAt));
  if (f.receivedAt !== undefined && f.resolvedAt !== undefined && f.resolvedAt >= f.receivedAt) out.resolution = minutes(new Date(f.receivedAt), new Date(f.resolvedAt));
  return out;
}

function addCase(acc: Accumulator, f: CaseFacts, statuses: readonly SlaTargetStatus[] | undefined, times: CaseMinutes, extra: ReturnType<typeof latestOutcomes>): void {
  acc.cases += 1;
  acc.volume[f.category ?? 'uncategorised'] += 1;
  if (times.firstResponse !== undefined) acc.firstResponse.push(times.firstResponse);
  if (times.resolution !== undefined) acc.resolution.push(times.resolution);
  for (const s of statuses ?? []) {
    let c = acc.sla.get(s.target);
    if (!c) acc.sla.set(s.target, (c = { met: 0, breached: 0, pending: 0 }));
    if (s.state === 'met') c.met += 1;
    else if (s.state === 'breached') {
      c.breached += 1;
      acc.breaches += 1;
    } else c.pending += 1;
  }
  if (f.category === 'complaint' && (f.resolvedAt !== undefined || f.closedAt !== undefined)) {
    acc.complaintsDone += 1;
    if (f.closedAt !== undefined && f.closedSatisfied) acc.complaintsSatisfied += 1;
  }
  const other = extra.get(f.caseId);
  const csat = pickLatest(f.csat, other?.csat);
  const nps = pickLatest(f.nps, other?.nps);
  if (csat && csat.value >= 1 && csat.value <= 5) {
    acc.csatSum += csat.value;
    acc.csatCount += 1;
  }
  if (nps && nps.value >= 0 && nps.value <= 10) {
    if (nps.value >= 9) acc.promoters += 1;
    else if (nps.value >= 7) acc.passives += 1;
    else acc.detractors += 1;
  }
}

function pickLatest<T extends { at: number }>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.at >= a.at ? b : a;
}

export function computeDashboard(input: DashboardInput): DashboardFigures {
  const filters = input.filters ?? {};
  const from = toMs(filters.from);
  const to = toMs(filters.to) ?? input.now ?? Date.now();
  const categories = filters.categories && filters.categories.length > 0 ? new Set<string>(filters.categories) : undefined;
  const agents = filters.agents && filters.agents.length > 0 ? new Set(filters.agents) : undefined;
  const minutes = input.businessMinutes ?? calendarMinutes;
  const extra = latestOutcomes(input.outcomes);

  const team = new Accumulator();
  const byAgent = new Map<string, Accumulator>();
  const agentAcc = (id: string): Accumulator => {
    let a = byAgent.get(id);
    if (!a) byAgent.set(id, (a = new Accumulator()));
    return a;
  };

  for (const c of input.cases) {
    if (agents && !agents.has(c.agentId)) continue;
    const facts = caseFacts(c, to - 1);
    if (facts.receivedAt === undefined) continue;
    if (categories && !categories.has(facts.category ?? 'uncategorised')) continue;
    if (isOpen(facts)) {
      team.backlog += 1;
      agentAcc(c.agentId).backlog += 1;
    }
    if (from !== undefined && facts.receivedAt < from) continue;
    const times = caseMinutes(facts, minutes);
    addCase(team, facts, c.statuses, times, extra);
    addCase(agentAcc(c.agentId), facts, c.statuses, times, extra);
  }

  return {
    team: team.figures(),
    byAgent: [...byAgent.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([agentId, acc]) => ({ agentId, figures: acc.figures() })),
    range: { from: from === undefined ? null : new Date(from).toISOString(), to: new Date(to).toISOString() },
  };
}
