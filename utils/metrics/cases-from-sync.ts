/**
 * The dashboard's input from synced team documents (what a lead pulled): events grouped by case,
 * the owning agent from the writer's agent id, the category from the latest case summary,
 * satisfaction from outcome records. Documents may arrive in any order, more than once.
 */
import type { CaseEvent, Category } from '../cases/events';
import type { SyncDoc } from '../cases/team-docs';
import type { DashboardCase, DashboardOutcome } from './dashboard';

/** A case with its whole log (what the SLA evaluation needs). */
export type LoggedCase = DashboardCase & { events: CaseEvent[] };

export function casesFromSyncDocs(docs: Iterable<SyncDoc>): { cases: LoggedCase[]; outcomes: DashboardOutcome[] } {
  const byCase = new Map<string, { agentId: string; events: Map<string, CaseEvent>; category?: { value: Category; at: string } }>();
  const outcomes = new Map<string, DashboardOutcome>();
  const entry = (caseId: string, agentId: string) => {
    let e = byCase.get(caseId);
    if (!e) byCase.set(caseId, (e = { agentId, events: new Map() }));
    return e;
  };
  for (const doc of docs) {
    if (doc.type === 'event') {
      entry(doc.event.caseId, doc.agentId).events.set(doc.event.id, doc.event);
    } else if (doc.type === 'case') {
      const c = doc.case;
      const e = entry(c.caseId, doc.agentId);
      if (typeof c.category === 'string' && (!e.category || doc.createdAt >= e.category.at)) {
        e.category = { value: c.category as Category, at: doc.createdAt };
      }
    } else if (doc.type === 'outcome') {
      const o = doc.outcome;
      outcomes.set(doc._id, { caseId: o.caseId, at: o.at ?? doc.createdAt, csat: o.csat, nps: o.nps });
    }
  }
  const cases: LoggedCase[] = [];
  for (const [caseId, e] of byCase) {
    if (e.events.size === 0) continue;
    cases.push({ caseId, agentId: e.agentId, category: e.category?.value, events: [...e.events.values()] });
  }
  return { cases, outcomes: [...outcomes.values()] };
}
