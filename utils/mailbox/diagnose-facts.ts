/**
 * Turns what a reader's trace recorded into the diagnostics the sidebar and the layout report use:
 * which facts of the open thread were not found (most important first) and whether the sidebar can
 * still show the thread. Numbers and strategy names only: no mail content.
 */
import type { FactStatus, FactTrace, MailFact } from './strategy-chain';
import type { AdapterDiagnostics, SelectorCounts } from './types';

/** The facts of an open thread, in the order the sidebar names a missing one. */
export const THREAD_FACTS: readonly MailFact[] = ['messages', 'threadId', 'sender', 'subject', 'time', 'text'];

/** A fact counts as missing when any message (or the thread) lacks it. */
export function missingFacts(facts: Partial<Record<MailFact, FactStatus>>, order: readonly MailFact[] = THREAD_FACTS): MailFact[] {
  return order.filter((fact) => {
    const status = facts[fact];
    return status !== undefined && status.missing > 0;
  });
}

export function diagnosticsFromTrace(trace: FactTrace, counts: SelectorCounts, essential: readonly MailFact[]): AdapterDiagnostics {
  const facts = trace.summary();
  const missing = missingFacts(facts);
  // No trace of the messages at all means the reader never found a thread to look at.
  if (facts.messages === undefined) missing.unshift('messages');
  return { ok: !missing.some((fact) => essential.includes(fact)), missing, counts, facts };
}
