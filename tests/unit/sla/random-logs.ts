/**
 * Random but plausible case logs for the SLA property tests: a received case, maybe categorised
 * at once, then later events at non-decreasing times (often equal, else minutes, hours or days
 * apart) from Monday 2026-03-23, across the switch to summer time (29 March).
 */
import fc from 'fast-check';
import type { CaseEvent, CaseEventType } from '../../../utils/cases/events';
import { CATEGORIES } from '../../../utils/cases/events';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const START = Date.parse('2026-03-23T00:00:00.000Z');

const LATER_TYPES: CaseEventType[] = [
  'category_set',
  'acknowledged',
  'responded',
  'awaiting_customer',
  'customer_replied',
  'escalated',
  'escalation_updated',
  'resolved',
  'followed_up',
  'closed',
  'reopened',
];

function dataOf(type: CaseEventType, pick: number): Record<string, unknown> {
  switch (type) {
    case 'category_set':
      return { category: CATEGORIES[pick % CATEGORIES.length], by: pick % 2 === 0 ? 'classifier' : 'agent' };
    case 'escalated':
      return { reason: 'Needs a refund above my limit', to: 'Billing team' };
    case 'resolved':
      return { code: 'answered', summary: 'Answered' };
    case 'closed':
      return { satisfied: pick % 2 === 0 };
    default:
      return {};
  }
}

/** Minutes to the next event: often none (equal times), else minutes, hours or days. */
const gapArb = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 90 }), weight: 3 },
  { arbitrary: fc.integer({ min: 90, max: 600 }), weight: 3 },
  { arbitrary: fc.integer({ min: 600, max: 3 * 1440 }), weight: 2 },
);

/** Logs of a received event and up to `maxLater` more; ids `01EVENT…` in log order. */
export function randomLogArb(maxLater: number): fc.Arbitrary<CaseEvent[]> {
  return fc
    .record({
      startMinute: fc.integer({ min: 0, max: 5 * 1440 }),
      category: fc.option(fc.nat(), { nil: undefined }),
      steps: fc.array(fc.record({ type: fc.constantFrom(...LATER_TYPES), gap: gapArb, pick: fc.nat() }), { maxLength: maxLater }),
    })
    .map(({ startMinute, category, steps }) => {
      let t = START + startMinute * MINUTE;
      let n = 0;
      const event = (type: CaseEventType, data: Record<string, unknown>) =>
        ({ id: `01EVENT${String(++n).padStart(19, '0')}`, caseId: 'gmail:thread-1', type, at: new Date(t).toISOString(), actor: 'agent-ann', source: 'agent', data }) as CaseEvent;
      const log = [event('received', {})];
      if (category !== undefined) log.push(event('category_set', dataOf('category_set', category)));
      for (const step of steps) {
        t += step.gap * MINUTE;
        log.push(event(step.type, dataOf(step.type, step.pick)));
      }
      return log;
    });
}
