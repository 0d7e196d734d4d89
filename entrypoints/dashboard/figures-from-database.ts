/**
 * The dashboard page's figures, computed in the page from the extension's database (the
 * background's service worker, woken for every message, need not carry the code of the figures):
 * the background says what to measure by (the SLA policy in force, the agents' names, the schema
 * it has opened) and gives the shared inbox's figures; the page reads the source's pack and the
 * digests written since, evaluates the cases whose SLA states no longer hold and runs the pure
 * functions of utils/metrics (utils/desk/dashboard-view.ts). Its connection never creates or
 * upgrades the database; what it writes is the dashboard's own cache (the pack and the view kept
 * for the next first paint), only over the pack version it read.
 */
import { ask } from '@/components/pages/ask-background';
import type { DashboardFormFilters } from '@/utils/metrics/dashboard-input';
import { filtersFromForm } from '@/utils/metrics/dashboard-input';
import type { DashboardView } from '@/utils/metrics/dashboard-view';
import type { Reply } from '@/utils/messages';
import { dashboardView } from '@/utils/desk/dashboard-view';
import { describeDbError } from '@/utils/db/errors';
import { openDatabaseForPage } from '@/utils/db/open-for-page';
import type { CaselineDb } from '@/utils/db/schema';

export type DashboardSource = DashboardView['source'];
export type FiguresOf = (source: DashboardSource, form: DashboardFormFilters) => Promise<Reply<DashboardView>>;

const epochMs = (instant: string | Date) => (typeof instant === 'string' ? Date.parse(instant) : instant.getTime());

const NOT_READABLE = 'The records could not be read just now (Caseline may be updating its database). Reload the page in a moment.';

export function figuresFromDatabase(factory: IDBFactory): FiguresOf {
  // One connection while the page is open: the pack it read stays unpacked for the next filter.
  let opened: Promise<CaselineDb | undefined> | undefined;
  const database = (schemaVersion: number) => {
    const opening = (opened ??= openDatabaseForPage(factory, schemaVersion, { onClosed: () => (opened = undefined) }));
    return opening.then((db) => {
      if (!db || db.version !== schemaVersion) {
        if (opened === opening) opened = undefined;
        return undefined;
      }
      return db;
    });
  };

  return async (source, form) => {
    const basis = await ask('dashboardBasis', { source });
    if (!basis.ok) return basis;
    const { policy, names, schemaVersion } = basis.value;
    const now = Date.now();
    // The shared inbox's figures over the same range and agents, asked while the page computes.
    const range = filtersFromForm(form, policy.calendar.timeZone, now);
    const owners = ask('dashboardOwners', {
      source,
      ...(range.from !== undefined ? { from: epochMs(range.from) } : {}),
      to: range.to !== undefined ? epochMs(range.to) : now,
      ...(form.agents && form.agents.length > 0 ? { agents: [...form.agents] } : {}),
    });
    const db = await database(schemaVersion);
    if (!db) return { ok: false, error: NOT_READABLE };
    let view: DashboardView;
    try {
      view = await dashboardView(db, policy, source, form, now, names);
    } catch (error) {
      return { ok: false, error: describeDbError(error) };
    }
    const ownership = await owners;
    if (!ownership.ok) return ownership;
    return { ok: true, value: { ...view, ownership: ownership.value.ownership, ownerNames: ownership.value.ownerNames } };
  };
}
