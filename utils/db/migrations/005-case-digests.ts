/**
 * v5: the `digests` store (per case, what the dashboard reads: see ../digests.ts), indexes
 * `bySource` and `byDirty`; the `packs` store (one record per source: every digest packed, with
 * SLA states); the `team` store learns which case each document is about (index `byCase`,
 * filled in for the documents already pulled). Every existing case, local and team, gets its
 * digest from its log here (unmarked: with no pack yet, the dashboard's first read takes every
 * digest); that first read makes the packs.
 */
import type { CaseEvent } from '../../cases/events';
import { localDigest, teamCaseId, teamDigest } from '../digests';
import type { CaselineDb, TeamRecord, UpgradeTransaction } from '../schema';
import type { SyncDoc } from '../../cases/team-docs';

export async function migrate005CaseDigests(db: CaselineDb, tx: UpgradeTransaction, _oldVersion: number): Promise<void> {
  const digests = db.createObjectStore('digests', { keyPath: 'key' });
  digests.createIndex('bySource', 'source');
  digests.createIndex('byDirty', ['source', 'dirty']);
  db.createObjectStore('packs', { keyPath: 'source' });
  const team = tx.objectStore('team');
  team.createIndex('byCase', 'caseId');

  const [records, events, pulled] = await Promise.all([tx.objectStore('cases').getAll(), tx.objectStore('events').getAll(), team.getAll()]);
  const logs = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const log = logs.get(e.caseId);
    if (log) log.push(e);
    else logs.set(e.caseId, [e]);
  }
  const writes: Promise<unknown>[] = records.map((r) => digests.put({ ...localDigest(r, logs.get(r.caseId) ?? []), rev: 1 }));

  const docsByCase = new Map<string, SyncDoc[]>();
  for (const r of pulled) {
    const caseId = teamCaseId(r.doc);
    if (caseId === undefined) continue;
    const updated: TeamRecord = { ...r, caseId };
    writes.push(team.put(updated));
    const list = docsByCase.get(caseId);
    if (list) list.push(r.doc);
    else docsByCase.set(caseId, [r.doc]);
  }
  for (const [caseId, docs] of docsByCase) {
    const digest = teamDigest(caseId, docs);
    if (digest) writes.push(digests.put({ ...digest, rev: 1 }));
  }
  await Promise.all(writes);
}
