/**
 * The case log a sample thread would have at `now`: the automatic events the mailbox produces
 * (utils/cases/auto-events.ts, message by message) plus what the agent recorded with each reply
 * (decided by utils/cases/lifecycle.ts at the reply's time). The demo and the tour seed cases
 * with it, so countdowns on the demo pages show each thread's SLA situation.
 */
import { eventsFromSnapshot } from '../cases/auto-events';
import { caseIdFor } from '../cases/case-id';
import type { CaseEvent, Category } from '../cases/events';
import { decide, deriveCase, formatReference, type CaseCommand } from '../cases/lifecycle';
import { PRACTICE_AGENT } from './company';
import { toThreadSnapshot } from './thread-snapshot';
import type { PracticeThread } from './types';

export interface SeedOptions {
  /** Event ids; by default `<caseId>#<n>`, stable for a thread (give ULIDs when storing them). */
  newId?: () => string;
  /** Agent id recorded on agent events (default: the practice agent's address). */
  agentId?: string;
  /**
   * Also record the expected category as set by the classifier when the first message arrives.
   * Off by default: the demo lets the real classifier decide.
   */
  withCategory?: boolean;
  /** Team prefix of references the thread does not fix itself (default 'NW'). */
  referencePrefix?: string;
}

/** Throws when the sample data asks for an action the lifecycle refuses (a data error). */
export function seedCaseEvents(thread: PracticeThread, now: Date, options: SeedOptions = {}): CaseEvent[] {
  const caseId = caseIdFor(thread.host, thread.id);
  let counter = 0;
  const newId = options.newId ?? (() => `${caseId}#${String(++counter).padStart(3, '0')}`);
  const agentId = options.agentId ?? PRACTICE_AGENT.email;
  const threadNumber = Number(/^p(\d+)/.exec(thread.id)?.[1] ?? '0');
  const nextReference = (kind: Category) => thread.reference ?? formatReference(kind, options.referencePrefix ?? 'NW', 9000 + threadNumber);
  const snapshot = toThreadSnapshot(thread, now);
  const events: CaseEvent[] = [];

  snapshot.messages.forEach((message, index) => {
    const at = message.sentAt ?? now.toISOString();
    const upToHere = { ...snapshot, messages: snapshot.messages.slice(0, index + 1) };
    const automatic = eventsFromSnapshot(upToHere, { events }, { newId, agentId, now: at, nextReference });
    for (const event of automatic) {
      events.push(event);
      if (event.type === 'received' && options.withCategory) {
        events.push({
          id: newId(),
          caseId,
          type: 'category_set',
          at: event.at,
          actor: 'system',
          source: 'auto',
          data: { category: thread.expected.category, by: 'classifier' },
        });
      }
    }
    for (const action of thread.messages[index]?.agentActions ?? []) {
      const decision = decide(deriveCase(events), action as CaseCommand, { agentId, now: at, newId, nextReference });
      if (!decision.ok) throw new Error(`${thread.id}/${message.id ?? index}: ${action.type} refused: ${decision.error}`);
      events.push(...decision.events);
    }
  });
  return events;
}
