/**
 * v9: the `packs` store gains the index `byVersion`. The dashboard page computes its figures
 * from the pack it last read (kept unpacked in memory); before using that copy again it asks
 * this index whether the stored pack still has that version, a key lookup, instead of reading
 * and unpacking the whole pack. The background replaces packs on restores, pulls and erasures.
 */
import type { CaselineDb, UpgradeTransaction } from '../schema';

export function migrate009PacksByVersion(_db: CaselineDb, tx: UpgradeTransaction, _oldVersion: number): void {
  tx.objectStore('packs').createIndex('byVersion', 'version');
}
