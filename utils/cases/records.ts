/**
 * The stored summaries of cases and outcomes (the database's `cases` and `outcomes` stores).
 * Pure types, so views may use them without touching the database. Never a message body.
 */
import type { MailHost } from './mail-thread';
import type { Category, Stage } from './events';
import type { Outcome } from './outcome';

export interface CaseRecord {
  /** "gmail:<threadId>" (see case-id.ts). */
  caseId: string;
  host: MailHost;
  threadId: string;
  subject: string;
  /** Lower-cased when stored, so erasure by address finds every case. */
  customerEmail?: string;
  customerName?: string;
  category?: Category;
  stage: Stage;
  reference?: string;
  /** The agent who owns the case locally. */
  agentId: string;
  createdAt: string;
  updatedAt: string;
  /** Next SLA deadline (ISO), set by the caller after SLA evaluation; absent when none runs. */
  nextDueAt?: string;
  /** 1 while the case is not closed (IndexedDB cannot index booleans). */
  open: 0 | 1;
  closedAt?: string;
}

/** The fields a caller may set on a case besides what the events derive. */
export type CaseRecordPatch = Partial<Pick<CaseRecord, 'host' | 'threadId' | 'subject' | 'customerEmail' | 'customerName' | 'nextDueAt' | 'agentId'>> & {
  /** Explicitly clears the deadline (e.g. when the SLA clock is paused). */
  clearNextDueAt?: boolean;
};

export type OutcomeRecord = Outcome & {
  caseId: string;
  agentId: string;
  recordedAt: string;
};
