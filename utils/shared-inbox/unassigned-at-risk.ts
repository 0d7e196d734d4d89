/**
 * For the team lead: open conversations nobody owns whose next SLA deadline is close, so the
 * lead can give them to someone before they breach. Pure; the background feeds it the lead's
 * own cases and the team's case summaries, and owners from the ownership fold.
 */
export interface ThreadDeadline {
  thread: string;
  /** ISO instant of the next open deadline. */
  dueAt: string;
  /** The target that falls due ("respond", "resolve"…). */
  target?: string;
  /** Where the lead can open it (their own case of the conversation), when they have one. */
  caseId?: string;
  subject?: string;
  reference?: string;
}

/**
 * Deadlines not yet passed and due within `withinMs` of `now`, on conversations without an owner;
 * one per conversation (the earliest), soonest first.
 */
export function unassignedAtRisk(deadlines: Iterable<ThreadDeadline>, ownerOf: (thread: string) => string | undefined, now: number, withinMs: number): ThreadDeadline[] {
  const byThread = new Map<string, ThreadDeadline>();
  for (const d of deadlines) {
    const due = Date.parse(d.dueAt);
    if (Number.isNaN(due) || due <= now || due - now > withinMs) continue;
    if (ownerOf(d.thread) !== undefined) continue;
    const known = byThread.get(d.thread);
    // Keep the earliest deadline; the lead's own case (with a subject) when times tie.
    if (!known || due < Date.parse(known.dueAt) || (due === Date.parse(known.dueAt) && !known.caseId && d.caseId)) byThread.set(d.thread, d);
  }
  return [...byThread.values()].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
