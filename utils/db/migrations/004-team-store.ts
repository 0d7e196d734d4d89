/**
 * v4: the `team` store: documents pulled from the team's sync server (as the server holds them),
 * keyed by their `_id`, for the lead's dashboard. Read-only copies; never pushed back.
 */
import type { CaselineDb, UpgradeTransaction } from '../schema';

export function migrate004TeamStore(db: CaselineDb, _tx: UpgradeTransaction, _oldVersion: number): void {
  const team = db.createObjectStore('team', { keyPath: 'id' });
  team.createIndex('byType', 'type');
  team.createIndex('byAgent', 'agentId');
}
