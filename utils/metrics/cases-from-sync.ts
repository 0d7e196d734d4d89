/**
 * The dashboard's input from synced team documents (what a lead pulled): events grouped by case,
 * the category from the latest case summary, satisfaction from outcome records. Documents may
 * arrive in any order, more than once.
 *
 * Every record belongs to its author, the server user who wrote it (the validation binds both
 * `author` and `agentId` to the signed-in user): a case is the author's own case of a case key
 * (`<author>:<caseKey>`, utils/cases/team-docs.ts), its agent is that author, and records by
 * anyone else that name the same key are a different case. So an event written under one's own
 * name with another agent's case key and event id can never join, change or replace that case.
 */
import type { CaseEvent, Category } from '../cases/events';
import { teamCaseOf, type SyncDoc } from '../cases/team-docs';
import type { DashboardCase, DashboardOutcome } from './dashboard';

/** A case with its whole log (what the SLA evaluation needs). */
export type LoggedCase = DashboardCase & { events: CaseEvent[] };

export function casesFromSyncDocs(docs: Iterable<SyncDoc>): { cases: LoggedCase[]; outcomes: DashboardOutcome[] } {
  const byCase = new Map<string, { agentId: string; events: Map<string, CaseEvent>; category?: { value: Category; at: string } }>();
  const outcomes = new Map<string, DashboardOutcome>();
  const entry = (caseId: string, owner: string) => {
    let e = byCase.get(caseId);
    if (!e) byCase.set(caseId, (e = { agentId: owner, events: new Map() }));
    return e;
  };
  for (const doc of docs) {
    const caseId = teamCaseOf(doc);
    if (caseId === undefined) continue;
    if (doc.type === 'event') {
      entry(caseId, doc.author).events.set(doc.event.id, { ...doc.event, caseId });
    } else if (doc.type === 'case') {
      const c = doc.case;
      const e = entry(caseId, doc.author);
      if (typeof c.category === 'string' && (!e.category || doc.createdAt >= e.category.at)) {
        e.category = { value: c.category as Category, at: doc.createdAt };
      }
    } else if (doc.type === 'outcome') {
      const o = doc.outcome;
      outcomes.set(doc._id, { caseId, at: o.at ?? doc.createdAt, csat: o.csat, nps: o.nps });
    }
  }
  const cases: LoggedCase[] = [];
  for (const [caseId, e] of byCase) {
    if (e.events.size === 0) continue;
    cases.push({ caseId, agentId: e.agentId, category: e.category?.value, events: [...e.events.values()] });
  }
  return { cases, outcomes: [...outcomes.values()] };
}
