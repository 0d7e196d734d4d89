/**
 * The dashboard's ownership figures (shared inbox) over [from, to), read from the database by
 * the dashboard page: for this browser ('local'), the conversations it has cases of; for the team
 * ('team', a lead), every conversation the team's records name. Owners are handles; `names`
 * says what to call them. Reads only: thread keys of the install's open cases are computed here,
 * not noted (the background notes them when it shows the cases).
 */
import { getCase, listOpenCasesByDeadline } from '../db/case-store';
import { allOwnershipChanges } from '../db/ownership-store';
import type { CaselineDb } from '../db/schema';
import { casesOfThreads, teamRoster, threadSalt } from '../db/thread-keys';
import { ownershipFigures, type OpenThreads, type OwnershipFigures } from '../metrics/ownership-figures';
import { isThreadKey, threadKeyFor } from '../shared-inbox/thread-key';
import { mergeRoster, nameOf, type TeamMember } from '../shared-inbox/team-roster';
import { teamCaseSummaries } from './team-records';

/**
 * `me`: the agent of this install as the team knows them (handle, name, role), so the figures
 * name them even before a note or an owner change of theirs is stored.
 */
export async function dashboardOwners(
  db: CaselineDb,
  me: TeamMember,
  source: 'local' | 'team',
  range: { from?: number; to: number },
  agents?: readonly string[],
): Promise<{ figures: OwnershipFigures; names: Record<string, string> }> {
  let changes = await allOwnershipChanges(db);
  let openThreads: OpenThreads;
  if (source === 'local') {
    // Only the conversations someone owned are looked up (a few), never a key per open case:
    // with 20,000 open cases that took seconds on every dashboard answer.
    const caseOf = await casesOfThreads(db, changes.map((c) => c.thread));
    changes = changes.filter((c) => caseOf.has(c.thread));
    const openOwned = new Set<string>();
    for (const [thread, caseId] of caseOf) if ((await getCase(db, caseId))?.open === 1) openOwned.add(thread);
    openThreads = { size: await db.countFromIndex('cases', 'byOpen', 1), has: (t) => openOwned.has(t) };
  } else {
    const open = await listOpenCasesByDeadline(db, 100_000);
    const salt = await threadSalt(db);
    const keys = new Set(open.map((r) => threadKeyFor(r.caseId, salt)));
    for (const c of await teamCaseSummaries(db)) if (c.open === 1 && isThreadKey(c.thread)) keys.add(c.thread);
    openThreads = keys;
  }
  const figures = ownershipFigures(changes, { ...range, openThreads, ...(agents && agents.length > 0 ? { agents } : {}) });
  const roster = mergeRoster(await teamRoster(db), [me]);
  const names = Object.fromEntries(figures.owners.map((o) => [o.owner, nameOf(roster, o.owner)]));
  return { figures, names };
}
