import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventType } from '../../../utils/cases/events';
import { DAY, randomLogArb } from '../sla/random-logs';
import type { SlaTargetState } from '../../../utils/metrics/dashboard';
import { slaSnapshot, slaStatesAt } from '../../../utils/metrics/sla-snapshot';
import { evaluate, PRESETS, presetById } from '../../../utils/sla';
import type { SlaPolicy, TargetStatus } from '../../../utils/sla';

// sop-000: acknowledge in 24 calendar hours; respond, resolve, follow-up and escalation updates in
// business days (Mon–Fri 09:00–17:00 Europe/London), respond and resolve pausing while waiting.
// The properties run over every preset (sop-004 adds a 15-business-minute target and 24-hour
// calendar ones; sop-002 is business time only), the examples over sop-000.
const policy = presetById('sop-000')!;

type Bucket = 'met' | 'breached' | 'pending';
const bucket = (state: SlaTargetState): Bucket => (state === 'met' || state === 'breached' ? state : 'pending');
const buckets = (statuses: ReadonlyArray<{ target: string; state: SlaTargetState }>) => statuses.map((s) => [s.target, bucket(s.state)]);

/** A received case, maybe categorised at once, then up to 11 events over about two weeks. */
const logArb = randomLogArb(11);

const times = (log: readonly CaseEvent[]) => log.map((e) => Date.parse(e.at));

/** A moment near the log: an event's own time, a millisecond either side, a little after one, or anywhere around. */
const momentArb = (log: readonly CaseEvent[]) => {
  const ts = times(log);
  const first = ts[0]!;
  const last = ts[ts.length - 1]!;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...ts), weight: 3 },
    fc.tuple(fc.constantFrom(...ts), fc.constantFrom(-1, 1)).map(([t, d]) => t + d),
    fc.tuple(fc.constantFrom(...ts), fc.integer({ min: 1, max: 3 * DAY })).map(([t, d]) => t + d),
    fc.integer({ min: first - DAY, max: last + 6 * DAY }),
  );
};

/** A log, a preset's id, the moment of evaluation t1 and a moment t2 (before t1, or up to 12 days after it). */
const caseArb = logArb.chain((log) =>
  fc.tuple(
    fc.constant(log),
    fc.constantFrom(...PRESETS.map((p) => p.id)),
    momentArb(log).chain((t1) => fc.tuple(fc.constant(t1), fc.oneof(momentArb(log), { arbitrary: fc.integer({ min: 0, max: 12 * DAY }).map((d) => t1 + d), weight: 2 }))),
  ),
);

function statesAt(log: CaseEvent[], t1: number, t2: number, p: SlaPolicy = policy) {
  return slaStatesAt(slaSnapshot(evaluate(log, p, new Date(t1)), t1, log), t2);
}

describe('slaSnapshot / slaStatesAt against evaluate', () => {
  it('is undefined exactly when t2 < t1 or t2 > t1 and an event lies in [t1, t2] (one at t1 itself counts only from the next instant); otherwise agrees with evaluate at t2, target by target', () => {
    fc.assert(
      fc.property(caseArb, ([log, id, [t1, t2]]) => {
        const p = presetById(id)!;
        const later = statesAt(log, t1, t2, p);
        const cannotTell = t2 < t1 || (t2 > t1 && times(log).some((t) => t >= t1 && t <= t2));
        expect(later === undefined).toBe(cannotTell);
        if (later === undefined) return;
        expect(buckets(later)).toEqual(buckets(evaluate(log, p, new Date(t2))));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the evaluated states themselves at the moment of evaluation', () => {
    fc.assert(
      fc.property(caseArb, ([log, id, [t1]]) => {
        const p = presetById(id)!;
        const statuses = evaluate(log, p, new Date(t1));
        expect(statesAt(log, t1, t1, p)?.map((s) => ({ target: s.target, state: s.state }))).toEqual(statuses.map((s) => ({ target: s.target, state: s.state })));
      }),
      { numRuns: 200 },
    );
  });
});

describe('slaSnapshot by example', () => {
  // Monday 2026-11-30, London in winter = UTC.
  const at = (s: string) => Date.parse(s);
  let n = 0;
  const ev = (type: CaseEventType, when: string, data: Record<string, unknown> = {}) =>
    ({ id: `e${String(++n).padStart(4, '0')}`, caseId: 'c1', type, at: when, actor: 'agent', source: 'agent', data }) as CaseEvent;
  const state = (statuses: ReadonlyArray<{ target: string; state: SlaTargetState }> | undefined, target: string) => statuses?.find((s) => s.target === target)?.state;

  it('a running target breaches at its due time between the evaluation and now', () => {
    const log = [ev('received', '2026-11-30T10:00:00.000Z'), ev('category_set', '2026-11-30T10:00:00.000Z', { category: 'inquiry', by: 'classifier' })];
    const t1 = at('2026-11-30T12:00:00.000Z');
    const evaluated = evaluate(log, policy, new Date(t1));
    expect(state(evaluated, 'acknowledge')).toBe('running');
    const snap = slaSnapshot(evaluated, t1, log);
    expect(snap.until).toBeUndefined();
    // acknowledge: 24 calendar hours, due 2026-12-01T10:00Z.
    expect(state(slaStatesAt(snap, at('2026-12-01T09:59:59.999Z')), 'acknowledge')).toBe('running');
    expect(state(slaStatesAt(snap, at('2026-12-01T10:00:00.000Z')), 'acknowledge')).toBe('breached');
    const t2 = at('2026-12-02T12:00:00.000Z');
    expect(state(slaStatesAt(snap, t2), 'acknowledge')).toBe('breached');
    expect(buckets(slaStatesAt(snap, t2)!)).toEqual(buckets(evaluate(log, policy, new Date(t2))));
    expect(slaStatesAt(snap, t1 - 1)).toBeUndefined();
  });

  it('a paused target stays paused; an event after the evaluation ends the snapshot at its time', () => {
    const log = [ev('received', '2026-11-30T10:00:00.000Z'), ev('acknowledged', '2026-11-30T10:05:00.000Z'), ev('awaiting_customer', '2026-11-30T10:10:00.000Z'), ev('customer_replied', '2026-12-21T09:00:00.000Z')];
    const t1 = at('2026-11-30T11:00:00.000Z');
    const evaluated = evaluate(log, policy, new Date(t1));
    expect(evaluated.map((s) => [s.target, s.state])).toEqual([
      ['acknowledge', 'met'],
      ['respond', 'paused'],
      ['resolve', 'paused'],
      ['followUp', 'not_started'],
      ['escalationUpdate', 'not_started'],
    ]);
    const snap = slaSnapshot(evaluated, t1, log);
    expect(snap.until).toBe(at('2026-12-21T09:00:00.000Z'));
    const t2 = at('2026-12-20T09:00:00.000Z'); // long after the due times, were the clocks running
    const later = slaStatesAt(snap, t2)!;
    expect(later.map((s) => s.state)).toEqual(['met', 'paused', 'paused', 'not_started', 'not_started']);
    expect(evaluate(log, policy, new Date(t2)).map((s) => s.state)).toEqual(['met', 'paused', 'paused', 'not_started', 'not_started']);
    expect(slaStatesAt(snap, at('2026-12-21T08:59:59.999Z'))).toBeDefined();
    expect(slaStatesAt(snap, at('2026-12-21T09:00:00.000Z'))).toBeUndefined();
  });

  it('met and breached targets stay as they were', () => {
    const log = [ev('received', '2026-11-30T10:00:00.000Z'), ev('acknowledged', '2026-12-02T10:00:00.000Z'), ev('resolved', '2026-12-02T11:00:00.000Z')];
    const t1 = at('2026-12-02T12:00:00.000Z');
    const evaluated = evaluate(log, policy, new Date(t1));
    expect(state(evaluated, 'acknowledge')).toBe('breached'); // 48 hours for a 24-hour target
    expect(state(evaluated, 'resolve')).toBe('met');
    const later = slaStatesAt(slaSnapshot(evaluated, t1, log), t1 + 30 * DAY)!;
    expect(state(later, 'acknowledge')).toBe('breached');
    expect(state(later, 'resolve')).toBe('met');
    expect(buckets(later)).toEqual(buckets(evaluate(log, policy, new Date(t1 + 30 * DAY))));
  });

  // evaluate() does not count a wait that begins at its own `now` (a pause from `now` to `now`
  // stops nothing yet), but counts it at every later moment: an event logged at the very moment
  // of evaluation may change what the running clocks do after it, with no event in between.
  it('a wait that begins at the moment of evaluation pauses the clocks afterwards', () => {
    const log = [ev('received', '2026-11-30T10:00:00.000Z'), ev('awaiting_customer', '2026-11-30T11:00:00.000Z')];
    const t1 = at('2026-11-30T11:00:00.000Z');
    const t2 = at('2026-12-03T10:00:00.000Z'); // respond and resolve were due then, had they run on
    expect(evaluate(log, policy, new Date(t2)).map((s) => s.state)).toEqual(['breached', 'paused', 'paused', 'not_started', 'not_started']);
    const later = statesAt(log, t1, t2); // undefined ("evaluate again") would do too
    if (later !== undefined) expect(buckets(later)).toEqual(buckets(evaluate(log, policy, new Date(t2))));
  });

  it('a wait begun and ended at the moment of evaluation, outside business hours, changes nothing', () => {
    // Thursday evening; respond and resolve: 3 business days, due Wednesday 09:00 with or without
    // the wait (it takes no business time).
    const log = [ev('received', '2026-12-03T20:00:00.000Z'), ev('awaiting_customer', '2026-12-03T21:00:00.000Z'), ev('customer_replied', '2026-12-03T21:00:00.000Z')];
    const t1 = at('2026-12-03T21:00:00.000Z');
    const t2 = at('2026-12-08T18:00:00.000Z');
    expect(evaluate(log, policy, new Date(t2)).map((s) => s.state)).toEqual(['breached', 'due_soon', 'due_soon', 'not_started', 'not_started']);
    const later = statesAt(log, t1, t2); // undefined ("evaluate again") would do too
    if (later !== undefined) expect(buckets(later)).toEqual(buckets(evaluate(log, policy, new Date(t2))));
  });

  it('takes due times from the statuses, whatever their target names', () => {
    const statuses: TargetStatus[] = [{ target: 'respond', state: 'due_soon', clock: 'business', dueAt: '2026-11-30T12:00:00.000Z', source: 'test' }];
    const snap = slaSnapshot(statuses, at('2026-11-30T11:00:00.000Z'), []);
    expect(snap).toEqual({ at: at('2026-11-30T11:00:00.000Z'), targets: [{ target: 'respond', state: 'due_soon', breachAt: at('2026-11-30T12:00:00.000Z') }] });
    // Nothing ran out yet: the snapshot's own list, not a copy.
    expect(slaStatesAt(snap, at('2026-11-30T11:59:00.000Z'))).toBe(snap.targets);
    expect(slaStatesAt(snap, at('2026-11-30T12:00:00.000Z'))).toEqual([{ target: 'respond', state: 'breached' }]);
  });
});
