/**
 * The dashboard page's figures, computed in the page from the extension's database (the
 * background's service worker, woken for every message, need not carry the code of the figures):
 * the background says what to measure by (the SLA policy in force, the agents' names, the schema
 * it has opened); the page reads the source's pack and the digests written since, evaluates the
 * cases whose SLA states no longer hold and runs the pure functions of utils/metrics
 * (utils/desk/dashboard-view.ts), then the shared inbox's figures (utils/desk/dashboard-owners.ts). Its connection never creates or
 * upgrades the database; what it writes is the dashboard's own cache (the pack and the view kept
 * for the next first paint), only over the pack version it read.
 */
import { ask } from '@/components/pages/ask-background';
import type { DashboardFormFilters } from '@/utils/metrics/dashboard-input';
import type { DashboardView } from '@/utils/metrics/dashboard-view';
import type { Reply } from '@/utils/messages';
import { dashboardView } from '@/utils/desk/dashboard-view';
import { dashboardOwners } from '@/utils/desk/dashboard-owners';
import { describeDbError } from '@/utils/db/errors';
import { openDatabaseForPage } from '@/utils/db/open-for-page';
import type { CaselineDb } from '@/utils/db/schema';

export type DashboardSource = DashboardView['source'];
export type FiguresOf = (source: DashboardSource, form: DashboardFormFilters) => Promise<Reply<DashboardView>>;

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
    const { policy, names, me, schemaVersion } = basis.value;
    const db = await database(schemaVersion);
    if (!db) return { ok: false, error: NOT_READABLE };
    const now = Date.now();
    try {
      const view = await dashboardView(db, policy, source, form, now, names);
      // The shared inbox's figures over the same range and agents.
      const range = view.figures.range;
      const owners = await dashboardOwners(db, me, source, { ...(range.from ? { from: Date.parse(range.from) } : {}), to: Date.parse(range.to) }, form.agents);
      return { ok: true, value: { ...view, ownership: owners.figures, ownerNames: owners.names } };
    } catch (error) {
      return { ok: false, error: describeDbError(error) };
    }
  };
}
