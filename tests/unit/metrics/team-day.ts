/**
 * A hand-checked day of a two-agent team (2026-03-02, UTC). Every figure expected by the tests
 * is worked out by hand in dashboard.test.ts from the comments here.
 */
import type { CaseEvent, CaseEventOf, CaseEventType } from '../../../utils/cases/events';
import type { DashboardCase, DashboardOutcome } from '../../../utils/metrics/dashboard';

let n = 0;
const ev = <T extends CaseEventType>(caseId: string, type: T, hhmm: string, data: CaseEventOf<T>['data'], day = '2026-03-02'): CaseEvent =>
  ({ id: `E${String(++n).padStart(4, '0')}`, caseId, type, at: `${day}T${hhmm}:00.000Z`, actor: 'agent', source: 'agent', data }) as CaseEvent;

export const TEAM_DAY: DashboardCase[] = [
  // 1 ann complaint: FR 30, resolution 120, closed satisfied; CSAT 5, NPS 10. SLA met / met.
  {
    caseId: 'c1', agentId: 'ann', category: 'complaint',
    events: [
      ev('c1', 'received', '09:00', {}),
      ev('c1', 'acknowledged', '09:30', { reference: 'CMP-1' }),
      ev('c1', 'resolved', '11:00', { code: 'refund', summary: 'Refunded' }),
      ev('c1', 'outcome_recorded', '11:05', { csat: 5, nps: 10 }),
      ev('c1', 'closed', '11:10', { satisfied: true }),
    ],
    statuses: [{ target: 'first_response', state: 'met' }, { target: 'resolution', state: 'met' }],
  },
  // 2 ann inquiry: FR 60 (responded), resolution 240; CSAT 3, NPS 7. SLA met / breached.
  {
    caseId: 'c2', agentId: 'ann', category: 'inquiry',
    events: [
      ev('c2', 'resolved', '14:00', { code: 'answered', summary: 'Sent the price list' }),
      ev('c2', 'received', '10:00', {}),
      ev('c2', 'responded', '11:00', {}),
      ev('c2', 'outcome_recorded', '14:30', { csat: 3, nps: 7 }),
    ],
    statuses: [{ target: 'first_response', state: 'met' }, { target: 'resolution', state: 'breached' }],
  },
  // 3 bob complaint: FR 90, resolution 180, closed without satisfaction; CSAT 2, NPS 3. SLA breached / met.
  {
    caseId: 'c3', agentId: 'bob', category: 'complaint',
    events: [
      ev('c3', 'received', '09:00', {}),
      ev('c3', 'acknowledged', '10:30', {}),
      ev('c3', 'resolved', '12:00', { code: 'replaced', summary: 'Sent a new one' }),
      ev('c3', 'outcome_recorded', '12:10', { csat: 2, nps: 3 }),
      ev('c3', 'closed', '16:00', { satisfied: false, reason: 'no answer after two follow-ups' }),
    ],
    statuses: [{ target: 'first_response', state: 'breached' }, { target: 'resolution', state: 'met' }],
  },
  // 4 bob support: FR 10, open. SLA met / running.
  {
    caseId: 'c4', agentId: 'bob', category: 'support',
    events: [ev('c4', 'received', '13:00', {}), ev('c4', 'acknowledged', '13:10', {})],
    statuses: [{ target: 'first_response', state: 'met' }, { target: 'resolution', state: 'running' }],
  },
  // 5 bob, category only from the classifier's event: complaint, no response, open. SLA breached / running.
  {
    caseId: 'c5', agentId: 'bob',
    events: [ev('c5', 'received', '15:00', {}), ev('c5', 'category_set', '15:00', { category: 'complaint', by: 'classifier', confidence: 0.9 })],
    statuses: [{ target: 'first_response', state: 'breached' }, { target: 'resolution', state: 'running' }],
  },
  // 6 ann complaint: FR 20; resolved 09:00, reopened 10:00, resolved 12:00 → resolution 240;
  //   closed satisfied 13:00. CSAT 1 in the log at 12:30, then 4 (NPS 9) in an outcome record at 13:30.
  {
    caseId: 'c6', agentId: 'ann', category: 'complaint',
    events: [
      ev('c6', 'received', '08:00', {}),
      ev('c6', 'acknowledged', '08:20', {}),
      ev('c6', 'resolved', '09:00', { code: 'fixed', summary: 'Reset the account' }),
      ev('c6', 'reopened', '10:00', { reason: 'still broken' }),
      ev('c6', 'resolved', '12:00', { code: 'fixed', summary: 'Replaced the router' }),
      ev('c6', 'outcome_recorded', '12:30', { csat: 1 }),
      ev('c6', 'closed', '13:00', { satisfied: true }),
    ],
    statuses: [{ target: 'first_response', state: 'met' }, { target: 'resolution', state: 'met' }],
  },
  // 7 ann inquiry from the day before, still open: backlog only.
  {
    caseId: 'c7', agentId: 'ann', category: 'inquiry',
    events: [ev('c7', 'received', '16:00', {}, '2026-03-01'), ev('c7', 'acknowledged', '16:30', {}, '2026-03-01')],
    statuses: [{ target: 'first_response', state: 'met' }, { target: 'resolution', state: 'running' }],
  },
];

export const TEAM_DAY_OUTCOMES: DashboardOutcome[] = [{ caseId: 'c6', at: '2026-03-02T13:30:00Z', csat: 4, nps: 9 }];

export const DAY = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' };
