/**
 * v8: the `views` store, one record per source: the last figures the dashboard showed under its
 * default filters, painted first when the page opens (see ../dashboard-views.ts). Empty until the
 * dashboard is next opened.
 */
import type { CaselineDb, UpgradeTransaction } from '../schema';

export function migrate008DashboardViews(db: CaselineDb, _tx: UpgradeTransaction, _oldVersion: number): void {
  db.createObjectStore('views', { keyPath: 'source' });
}
