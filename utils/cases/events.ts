/**
 * The append-only event log of a case. Case state, SLA clocks and every dashboard figure are
 * derived from these events; they are never edited once written.
 */
export const CATEGORIES = ['inquiry', 'complaint', 'support'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The lifecycle stages a case moves through (see utils/cases/lifecycle.ts). */
export const STAGES = ['received', 'acknowledged', 'escalated', 'resolved', 'followed_up', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

/** Who or what wrote an event. */
export type EventSource = 'auto' | 'agent';

export interface EventDataByType {
  /** First inbound customer message. `at` is the message's own time. */
  received: { messageId?: string };
  /** A later inbound customer message: resumes paused clocks, reopens a resolved case. */
  customer_replied: { messageId?: string };
  /** Receipt acknowledged (agent click, or the first outbound reply). */
  acknowledged: { reference?: string; messageId?: string };
  /** First substantive answer sent to the customer (an outbound message). */
  responded: { messageId?: string };
  /** The agent waits on the customer: clocks that pause, pause. */
  awaiting_customer: { note?: string };
  /** Escalated: a reason and to whom are required. */
  escalated: { reason: string; to: string };
  /** Status update sent to the customer while escalated. */
  escalation_updated: { note?: string };
  resolved: { code: string; summary: string };
  followed_up: { note?: string };
  /** Closed: either the customer confirmed satisfaction, or an explicit reason. */
  closed: { satisfied: boolean; reason?: string };
  reopened: { reason?: string };
  /** The category was set by the classifier or changed by an agent. */
  category_set: { category: Category; by: 'classifier' | 'agent'; confidence?: number };
  template_inserted: { templateId: string; templateVersion?: number };
  outcome_recorded: {
    code?: string;
    summary?: string;
    csat?: number; // 1..5
    nps?: number; // 0..10
    followUpOn?: string; // YYYY-MM-DD
    feedback?: string;
  };
  /**
   * Shared inbox (utils/shared-inbox/ownership.ts): who owns the case among the team. `by` is
   * the handle (team user name) of whoever made the change; the owner follows from the fold of
   * every agent's changes, not from one log.
   */
  /** `by` takes the case for themselves. */
  claimed: { by: string };
  /** A lead gives the case to `owner` (absent: to nobody). */
  assigned: { by: string; owner?: string };
  /** The owner `by` passes the case to `owner`. */
  handed_on: { by: string; owner: string };
  /** The owner `by` lets the case go: nobody owns it. */
  released: { by: string };
}

export type CaseEventType = keyof EventDataByType;

export type CaseEvent = {
  [T in CaseEventType]: {
    /** Unique, sortable id (ULID), stable across sync. */
    id: string;
    caseId: string;
    type: T;
    /** ISO instant the thing happened (a message's own time for automatic events). */
    at: string;
    /** Agent id, 'customer' or 'system'. */
    actor: string;
    source: EventSource;
    data: EventDataByType[T];
  };
}[CaseEventType];

export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
