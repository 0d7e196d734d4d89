import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../utils/case-view';
import { BADGE_SCHEDULE_MAX_MS, badgeFace, badgeValidUntil, scheduledFace } from '../../../utils/desk/badge-schedule';

const NOW = Date.parse('2026-12-04T10:00:00.000Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const item = (over: Partial<QueueItem>): QueueItem => ({ caseId: 'gmail:t1', host: 'gmail', threadId: 't1', subject: 's', category: 'inquiry', stage: 'received', ...over });

describe('badge schedule: until when the badge holds', () => {
  it('ends at the first instant a case turns due soon, is breached or comes within the warning lead', () => {
    const items = [
      item({ caseId: 'a', state: 'running', nextDueAt: iso(NOW + 300 * MIN), nextDueSoonAt: iso(NOW + 200 * MIN) }),
      item({ caseId: 'b', state: 'due_soon', nextDueAt: iso(NOW + 40 * MIN) }),
      item({ caseId: 'c', state: 'breached', nextDueAt: iso(NOW - 10 * MIN) }),
    ];
    // b warns 30 minutes before it is due: at +10 min.
    expect(badgeValidUntil(items, 30, NOW)).toBe(NOW + 10 * MIN);
    // With no lead time, b's breach at +40 min is the first change, but beyond the 15-minute cap.
    expect(badgeValidUntil(items, 0, NOW)).toBe(NOW + BADGE_SCHEDULE_MAX_MS);
    expect(badgeValidUntil(items.map((i) => ({ ...i, nextDueAt: i.caseId === 'b' ? iso(NOW + 12 * MIN) : i.nextDueAt })), 0, NOW)).toBe(NOW + 12 * MIN);
    expect(badgeValidUntil([items[0]!], 0, NOW)).toBe(NOW + BADGE_SCHEDULE_MAX_MS);
    expect(badgeValidUntil([item({ state: 'running', nextDueAt: iso(NOW + 9 * MIN), nextDueSoonAt: iso(NOW + 5 * MIN) })], 0, NOW)).toBe(NOW + 5 * MIN);
  });

  it('never trusts a schedule longer than the cap, and never for an instant already past', () => {
    expect(badgeValidUntil([], 30, NOW)).toBe(NOW + BADGE_SCHEDULE_MAX_MS);
    // A warning window already entered (due in 20 min, lead 30) is not a future change.
    expect(badgeValidUntil([item({ state: 'due_soon', nextDueAt: iso(NOW + 20 * MIN) })], 30, NOW)).toBe(NOW + 15 * MIN);
  });

  it('holds for no instant at which some case would be in another state (random queues)', () => {
    const arbItem = fc.record({
      dueIn: fc.integer({ min: -600, max: 600 }),
      soonBefore: fc.integer({ min: 1, max: 300 }),
    });
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 12 }), fc.integer({ min: 0, max: 120 }), (rows, lead) => {
        const stateAt = (dueAt: number, soonAt: number, t: number) => (t >= dueAt ? 'breached' : t >= soonAt ? 'due_soon' : 'running');
        const items = rows.map((r, i) => {
          const dueAt = NOW + r.dueIn * MIN;
          const soonAt = dueAt - r.soonBefore * MIN;
          const state = stateAt(dueAt, soonAt, NOW);
          return { dueAt, soonAt, q: item({ caseId: `c${i}`, state, nextDueAt: iso(dueAt), ...(state === 'running' ? { nextDueSoonAt: iso(soonAt) } : {}) }) };
        });
        const until = badgeValidUntil(items.map((x) => x.q), lead, NOW);
        expect(until).toBeGreaterThan(NOW);
        // Just before `until`, every case is in the state it had, and none entered the warning lead.
        for (const x of items) {
          const t = until - 1;
          expect(stateAt(x.dueAt, x.soonAt, t)).toBe(x.q.state);
          const warnedNow = x.q.state !== 'breached' && x.dueAt - NOW <= lead * MIN;
          const warnedThen = stateAt(x.dueAt, x.soonAt, t) !== 'breached' && x.dueAt - t <= lead * MIN;
          expect(warnedThen).toBe(warnedNow);
        }
      }),
    );
  });
});

describe('badge schedule: reading a stored one', () => {
  const face = badgeFace(2, 1);
  const stored = { format: 1, computedAt: NOW, validUntil: NOW + 5 * MIN, ...face };

  it('gives the badge while it holds', () => {
    expect(face).toEqual({ text: '3', color: '#cf222e', title: 'Caseline: 2 breached, 1 due soon' });
    expect(badgeFace(0, 0)).toMatchObject({ text: '', title: 'Caseline: nothing due soon' });
    expect(scheduledFace(stored, NOW + 4 * MIN)).toEqual({ ...face, lead: false });
    expect(scheduledFace({ ...stored, lead: true }, NOW + 4 * MIN)).toEqual({ ...face, lead: true });
  });

  it('gives nothing once it has run out, when the clock went back, or for anything malformed', () => {
    expect(scheduledFace(stored, NOW + 5 * MIN)).toBeUndefined();
    expect(scheduledFace(stored, NOW - 1)).toBeUndefined();
    expect(scheduledFace({ ...stored, validUntil: NOW + BADGE_SCHEDULE_MAX_MS + 1 }, NOW)).toBeUndefined();
    for (const bad of [undefined, null, 'x', {}, { ...stored, format: 2 }, { ...stored, text: 3 }, { ...stored, computedAt: 'now' }]) {
      expect(scheduledFace(bad, NOW)).toBeUndefined();
    }
  });
});
