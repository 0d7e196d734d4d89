/**
 * A case's SLA target states, kept from one evaluation so the dashboard need not evaluate every
 * case's log each time it opens. Until the log changes (or the policy does), the states at a
 * later moment follow from the snapshot alone: a clock that was running breaches at its due
 * time; met, breached, paused and not-started targets stay as they were. An event logged after
 * the evaluation (a clock ahead of ours) ends the snapshot's use at that event's time; one
 * logged at the very moment of the evaluation, right after it (evaluate() counts a wait that
 * starts at its `now` only from the next instant on).
 */
import type { SlaTargetState, SlaTargetStatus } from './dashboard';
import { parseInstant } from './parse-instant';

export interface SlaSnapshot {
  /** When the targets were evaluated (epoch ms). */
  at: number;
  targets: Array<{ target: string; state: SlaTargetState; breachAt?: number }>;
  /** The first event time at or after `at`, when the log has one: from then on (and after `at`) the snapshot is stale. */
  until?: number;
}

/** `statuses` as evaluate() gave them at `at`, for the log `events`. */
export function slaSnapshot(
  statuses: ReadonlyArray<{ target: string; state: SlaTargetState; dueAt?: string | undefined }>,
  at: number,
  events: Iterable<{ at: string }>,
): SlaSnapshot {
  const targets = statuses.map((s) => {
    const due = s.dueAt === undefined ? Number.NaN : parseInstant(s.dueAt);
    return (s.state === 'running' || s.state === 'due_soon') && !Number.isNaN(due) ? { target: s.target, state: s.state, breachAt: due } : { target: s.target, state: s.state };
  });
  let until: number | undefined;
  for (const e of events) {
    const t = parseInstant(e.at);
    if (t >= at && (until === undefined || t < until)) until = t;
  }
  return until === undefined ? { at, targets } : { at, targets, until };
}

/**
 * The targets' states at `now`, or undefined when the snapshot cannot tell (evaluate again).
 * While no clock has run out since, the snapshot's own list (no copy: the dashboard reads
 * tens of thousands of them).
 */
export function slaStatesAt(snapshot: SlaSnapshot, now: number): readonly SlaTargetStatus[] | undefined {
  if (now < snapshot.at || (snapshot.until !== undefined && now >= snapshot.until && now > snapshot.at)) return undefined;
  const targets = snapshot.targets;
  let ranOut = false;
  for (const t of targets) if (t.breachAt !== undefined && now >= t.breachAt) ranOut = true;
  if (!ranOut) return targets;
  return targets.map((t) => ({ target: t.target, state: t.breachAt !== undefined && now >= t.breachAt ? 'breached' : t.state }));
}
