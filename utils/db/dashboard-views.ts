/**
 * The dashboard's last view per source (the `views` store, v8): what the page paints first, at
 * once, while it computes the present figures. Stored with the pack after the figures are shown
 * (digests.ts storeDashboard); read here, read-only, while the page starts, so its first paint
 * waits neither for a service worker that is starting nor for a pack to be read. Plain IndexedDB
 * calls: nothing else needs to load first.
 */
import type { DashboardView } from '../metrics/dashboard-view';
import type { DashboardViewRecord } from './schema';
import { openDatabaseAsItIs } from './open-for-page';

/** The shape of a stored view: raise it when DashboardView changes, so no page paints an older shape. */
export const DASHBOARD_VIEW_SHAPE = 1;

export function viewRecord(view: DashboardView): DashboardViewRecord {
  return { source: view.source, shape: DASHBOARD_VIEW_SHAPE, view };
}

/**
 * The last view of `source`, if one is kept. Never creates, upgrades or writes the database:
 * with no database yet, an older schema or anything unexpected, the answer is undefined (the
 * page then waits for the background's figures).
 */
export async function readLastView(factory: IDBFactory, source: DashboardView['source'], name = 'caseline'): Promise<DashboardView | undefined> {
  const db = await openDatabaseAsItIs(factory, name);
  if (!db) return undefined;
  return new Promise((resolve) => {
    const done = (view: DashboardView | undefined) => {
      db.close();
      resolve(view);
    };
    if (!db.objectStoreNames.contains('views')) return done(undefined);
    try {
      const get = db.transaction('views', 'readonly').objectStore('views').get(source);
      get.onsuccess = () => {
        const record = get.result as Partial<DashboardViewRecord> | undefined;
        done(record?.shape === DASHBOARD_VIEW_SHAPE && record.source === source && record.view?.source === source ? record.view : undefined);
      };
      get.onerror = (event) => {
        event.preventDefault();
        done(undefined);
      };
    } catch {
      done(undefined);
    }
  });
}
