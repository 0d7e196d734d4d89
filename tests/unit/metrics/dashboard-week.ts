/**
 * A hand-checked week (Mon 2026-03-02 … Fri 2026-03-06) with a small policy, shared by the
 * dashboard adapter and daily-series tests: office hours Mon–Fri 09:00–17:00 UTC; complaints must
 * be acknowledged within 4 business hours and resolved within 2 business days; inquiries
 * acknowledged within 24 hours.
 */
import type { CaseEvent, CaseEventOf, CaseEventType } from '../../../utils/cases/events';
import type { BusinessCalendar } from '../../../utils/calendar/types';
import type { SlaPolicy, SlaTarget } from '../../../utils/sla/types';
import type { RecordedCase } from '../../../utils/metrics/dashboard-input';

const HOURS: Array<[string, string]> = [['09:00', '17:00']];
export const OFFICE: BusinessCalendar = { timeZone: 'UTC', week: { mon: HOURS, tue: HOURS, wed: HOURS, thu: HOURS, fri: HOURS }, holidays: [] };

const t = (amount: number, unit: SlaTarget['unit'], clock: SlaTarget['clock'], startOn: CaseEventType[], metBy: CaseEventType[]): SlaTarget => ({
  amount, unit, clock, startOn, metBy, pausesWhileWaiting: false, source: 'test policy',
});

export const POLICY: SlaPolicy = {
  id: 'test', name: 'Test policy', source: 'test', calendar: OFFICE, dueSoonShare: 0.25, usesNps: true, followUpsBeforeClose: 0,
  targets: {
    complaint: {
      acknowledge: t(4, 'hours', 'business', ['received'], ['acknowledged', 'responded', 'resolved']),
      resolve: t(2, 'days', 'business', ['received'], ['resolved']),
    },
    inquiry: { acknowledge: t(24, 'hours', 'calendar', ['received'], ['acknowledged', 'responded', 'resolved']) },
    support: {},
  },
};

let n = 0;
const ev = <T extends CaseEventType>(caseId: string, type: T, at: string, data: CaseEventOf<T>['data']): CaseEvent =>
  ({ id: `E${String(++n).padStart(4, '0')}`, caseId, type, at, actor: 'ann', source: 'agent', data }) as CaseEvent;

/**
 * A: complaint, received Mon 09:00, acknowledged 10:00 (60 business min), resolved Tue 11:00
 *    (600 business min: Mon 8 h + Tue 2 h). Acknowledge met, resolve met.
 * B: complaint by its record only (no category_set in the log), received Mon 14:00, nothing
 *    since. Acknowledge due Tue 10:00, resolve due Wed 14:00: both breached by Friday noon.
 * C: inquiry, received Thu 10:00, acknowledged Fri 09:00 (23 calendar hours: met; 420 business
 *    minutes: Thu 10:00–17:00). Still open.
 */
export const WEEK: RecordedCase[] = [
  {
    caseId: 'gmail:A', agentId: 'ann', category: 'complaint',
    events: [
      ev('gmail:A', 'received', '2026-03-02T09:00:00.000Z', {}),
      ev('gmail:A', 'category_set', '2026-03-02T09:00:00.000Z', { category: 'complaint', by: 'classifier', confidence: 0.8 }),
      ev('gmail:A', 'acknowledged', '2026-03-02T10:00:00.000Z', {}),
      ev('gmail:A', 'resolved', '2026-03-03T11:00:00.000Z', { code: 'fixed', summary: 'done' }),
      ev('gmail:A', 'outcome_recorded', '2026-03-03T11:30:00.000Z', { csat: 4, nps: 9 }),
    ],
  },
  { caseId: 'gmail:B', agentId: 'bob', category: 'complaint', events: [ev('gmail:B', 'received', '2026-03-02T14:00:00.000Z', {})] },
  {
    caseId: 'gmail:C', agentId: 'ann', category: 'inquiry',
    events: [
      ev('gmail:C', 'received', '2026-03-05T10:00:00.000Z', {}),
      ev('gmail:C', 'category_set', '2026-03-05T10:00:00.000Z', { category: 'inquiry', by: 'classifier' }),
      ev('gmail:C', 'acknowledged', '2026-03-06T09:00:00.000Z', {}),
    ],
  },
];
export const FRIDAY_NOON = Date.parse('2026-03-06T12:00:00.000Z');

