/**
 * The dashboard's figures, computed by the dashboard page from the extension's database (the
 * page's runtime: entrypoints/dashboard/figures-from-database.ts), so no log crosses the
 * messaging channel and the service worker does not carry this code. Reads the source's pack and
 * the digests written since (utils/db/digests.ts), evaluates again only the cases whose SLA
 * states no longer hold (log changed, policy changed, or an event time ahead of the states), and
 * runs the pure functions of utils/metrics on the result.
 */
import type { CaseEvent } from '../cases/events';
import { sha256, toHex, utf8 } from '../cases/sha256';
import { readDigests, storeDashboard } from '../db/digests';
import { viewRecord } from '../db/dashboard-views';
import type { DigestSource } from '../db/digests';
import type { CaselineDb } from '../db/schema';
import { foldChanges } from '../metrics/dashboard-pack';
import { casesFromSyncDocs } from '../metrics/cases-from-sync';
import { computeDashboard } from '../metrics/dashboard';
import type { DashboardCase, SlaTargetStatus } from '../metrics/dashboard';
import { dailySeries } from '../metrics/daily-series';
import { isDefaultForm } from '../metrics/dashboard-view';
import type { DashboardView } from '../metrics/dashboard-view';
import { agentChoices, caseStatuses, dashboardInput } from '../metrics/dashboard-input';
import type { DashboardFormFilters } from '../metrics/dashboard-input';
import { slaSnapshot, slaStatesAt } from '../metrics/sla-snapshot';
import type { SlaPolicy } from '../sla/types';

export type { DashboardView } from '../metrics/dashboard-view';

const policyKeys = new WeakMap<SlaPolicy, string>();

/**
 * Identifies a policy: cached SLA states are valid only for the policy they were computed under.
 * Remembered per policy object (effectivePolicy hands out the same one until the settings or the
 * year change), so a dashboard request hashes it once.
 */
export function policyKey(policy: SlaPolicy): string {
  let key = policyKeys.get(policy);
  if (key === undefined) policyKeys.set(policy, (key = toHex(sha256(utf8(JSON.stringify(policy)))).slice(0, 32)));
  return key;
}

/** Above this many stale cases, one read of the whole log beats a read per case. */
const WHOLE_LOG_READ = 500;

async function logsOf(db: CaselineDb, source: DigestSource, caseIds: readonly string[]): Promise<Map<string, CaseEvent[]>> {
  const logs = new Map<string, CaseEvent[]>();
  if (source === 'local') {
    if (caseIds.length > WHOLE_LOG_READ) {
      for (const e of await db.getAll('events')) {
        const log = logs.get(e.caseId);
        if (log) log.push(e);
        else logs.set(e.caseId, [e]);
      }
    } else {
      const index = db.transaction('events').store.index('byCase');
      await Promise.all(caseIds.map(async (id) => logs.set(id, await index.getAll(id))));
    }
    return logs;
  }
  const docs =
    caseIds.length > WHOLE_LOG_READ
      ? (await db.getAll('team')).map((r) => r.doc)
      : (await Promise.all(caseIds.map((id) => db.getAllFromIndex('team', 'byCase', id)))).flat().map((r) => r.doc);
  for (const c of casesFromSyncDocs(docs).cases) logs.set(c.caseId, c.events);
  return logs;
}

/**
 * Every case of `source` with its SLA states at `now`: the source's pack with the digests
 * written since folded in; SLA states from the pack where they hold, else evaluated from the log.
 * When anything changed, `save` stores a new pack (the dashboard calls it after answering).
 */
export async function evaluatedCases(
  db: CaselineDb,
  policy: SlaPolicy,
  source: DigestSource,
  now: number,
): Promise<{ cases: DashboardCase[]; evaluated: number; save: (view?: DashboardView) => Promise<boolean> }> {
  const key = policyKey(policy);
  const read = await readDigests(db, source);
  const changed = read.changed;
  const rows = foldChanges(read.rows, changed);

  const samePolicy = read.policyKey === key;
  const statuses: Array<readonly SlaTargetStatus[]> = new Array<readonly SlaTargetStatus[]>(rows.length);
  const stale: number[] = [];
  rows.forEach((r, i) => {
    const known = samePolicy && r.sla ? slaStatesAt(r.sla, now) : undefined;
    if (known) statuses[i] = known;
    else stale.push(i);
  });
  if (stale.length > 0) {
    const logs = await logsOf(db, source, stale.map((i) => rows[i]!.caseId));
    const at = new Date(now);
    for (const i of stale) {
      const r = rows[i]!;
      const events = logs.get(r.caseId) ?? [];
      const evaluated = caseStatuses({ caseId: r.caseId, agentId: r.agentId, category: r.category, events }, policy, at);
      statuses[i] = evaluated;
      rows[i] = { ...r, sla: slaSnapshot(evaluated, now, events) };
    }
  }
  const cases = rows.map((r, i) => ({ caseId: r.caseId, agentId: r.agentId, category: r.category, marks: r.marks, statuses: statuses[i] }));
  const packChanged = read.version === undefined || changed.length > 0 || stale.length > 0;
  const save = async (view?: DashboardView) =>
    storeDashboard(db, read.version, source, { ...(packChanged ? { pack: { policyKey: key, rows, taken: changed } } : {}), ...(view ? { view: viewRecord(view) } : {}) });
  return { cases, evaluated: stale.length, save };
}

/**
 * The dashboard for `source` under the form's filters, at `now`. `names`: what to call agents
 * known here (this install's agent); the team's go by their server user names.
 */
export async function dashboardView(db: CaselineDb, policy: SlaPolicy, source: DigestSource, form: DashboardFormFilters, now: number, names: Record<string, string> = {}): Promise<DashboardView> {
  const started = performance.now();
  const { cases, evaluated, save } = await evaluatedCases(db, policy, source, now);
  const read = performance.now();
  const input = dashboardInput(cases, policy.calendar, form, now);
  const figures = computeDashboard(input);
  const series = dailySeries(input, policy.calendar.timeZone);
  const agents = agentChoices([], cases);
  // A team record's agent is its author, the server user who wrote it: the id is the name.
  const agentNames = source === 'team' ? { ...Object.fromEntries(agents.map((id) => [id, id])), ...names } : names;
  const view: DashboardView = {
    source,
    now,
    timeZone: policy.calendar.timeZone,
    totalCases: cases.length,
    agents,
    agentNames: Object.fromEntries(agents.flatMap((id) => (agentNames[id] ? [[id, agentNames[id]]] : []))),
    figures,
    series,
    evaluated,
    timings: { readMs: read - started, figuresMs: performance.now() - read },
  };
  // After the answer has gone: the pack, if it changed, and the view of the default filters (the
  // page's next first paint). What could not be stored is made again next time.
  setTimeout(() => void save(isDefaultForm(form) ? view : undefined).catch(() => undefined), 0);
  return view;
}

/** Brings the source's pack up to date (after a restore or a pull); the cases evaluated again. */
export async function warmDashboard(db: CaselineDb, policy: SlaPolicy, source: DigestSource, now = Date.now()): Promise<number> {
  const { evaluated, save } = await evaluatedCases(db, policy, source, now);
  await save();
  return evaluated;
}
