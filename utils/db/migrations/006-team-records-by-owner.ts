/**
 * v6: team records are their authors'. Each pulled document is filed again under its author's
 * own case of the key it names (`caseId` = `<author>:<caseKey>`) and `agentId` = its author, so
 * no record can join another user's case; documents whose `agentId` is not their author (written
 * before the server bound agent ids to users, when anyone could write under any agent id) are
 * dropped, as a pull refuses them now. The team's digests are rebuilt from what is left and its
 * pack is dropped (the dashboard's next read makes it again).
 */
import { teamDigest, teamRecord } from '../digests';
import type { CaselineDb, UpgradeTransaction } from '../schema';
import type { SyncDoc } from '../../cases/team-docs';

export async function migrate006TeamRecordsByOwner(_db: CaselineDb, tx: UpgradeTransaction, _oldVersion: number): Promise<void> {
  const team = tx.objectStore('team');
  const digests = tx.objectStore('digests');
  const [pulled, oldDigests] = await Promise.all([team.getAll(), digests.index('bySource').getAllKeys('team')]);
  const writes: Promise<unknown>[] = [...oldDigests.map((k) => digests.delete(k)), tx.objectStore('packs').delete('team')];
  const docsByCase = new Map<string, SyncDoc[]>();
  for (const r of pulled) {
    if (r.doc.agentId !== r.doc.author) {
      writes.push(team.delete(r.id));
      continue;
    }
    const refiled = teamRecord(r.doc);
    writes.push(team.put(refiled));
    if (refiled.caseId === undefined) continue;
    const list = docsByCase.get(refiled.caseId);
    if (list) list.push(r.doc);
    else docsByCase.set(refiled.caseId, [r.doc]);
  }
  for (const [caseId, docs] of docsByCase) {
    const digest = teamDigest(caseId, docs);
    if (digest) writes.push(digests.put({ ...digest, rev: 1 }));
  }
  await Promise.all(writes);
}
