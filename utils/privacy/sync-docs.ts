/**
 * What may leave the machine when team sync is on (sop/004 §10, GDPR data minimisation).
 *
 * Field rules, by default:
 *  - never: message bodies (never stored at all), customer address and name, thread id, message
 *    ids (mailbox identifiers).
 *  - hashed: the case id travels only as `caseKey` = HMAC-SHA-256(caseId, install salt).
 *  - only when allowed in settings: the subject (`shareSubject`), free text the agent wrote —
 *    resolution summary, notes, reasons, feedback (`shareNotes`).
 *  - always: category, stage, reference number, times, codes, scores, escalation target,
 *    template ids, agent id.
 */
import { syncCaseKey } from '../cases/case-id';
import { threadKeyFor } from '../shared-inbox/thread-key';
import type { CaseEvent } from '../cases/events';
import type { CaseRecord, OutcomeRecord } from '../cases/records';
import type { SharedInboxSyncDoc } from './shared-inbox-docs';
import type { SettingsPublication, TemplatePublication } from '../cases/team-docs';

export interface SyncPrivacySettings {
  /** The install's salt for case keys. */
  salt: string;
  /** Let the subject line sync (off by default). */
  shareSubject: boolean;
  /** Let free text the agent wrote sync: summaries, notes, reasons, feedback (off by default). */
  shareNotes: boolean;
  /**
   * The team's thread salt (shared inbox), when the team database has a profile: case summaries
   * then carry the conversation's thread key, so a lead can tell which conversation has no owner.
   */
  threadSalt?: string;
}

export const DEFAULT_SYNC_PRIVACY: Omit<SyncPrivacySettings, 'salt'> = { shareSubject: false, shareNotes: false };

export type SyncField = 'never' | 'hashed' | 'if-subject-allowed' | 'if-notes-allowed' | 'always';

/** The rule for each stored field, for the options page and for review. */
export const SYNC_FIELD_RULES: Record<string, SyncField> = {
  'case.caseId': 'hashed',
  'case.threadId': 'never',
  'case.customerEmail': 'never',
  'case.customerName': 'never',
  'case.subject': 'if-subject-allowed',
  'case.host': 'always',
  'case.category': 'always',
  'case.stage': 'always',
  'case.reference': 'always',
  'case.agentId': 'always',
  'case.createdAt': 'always',
  'case.updatedAt': 'always',
  'case.nextDueAt': 'always',
  'case.open': 'always',
  'case.closedAt': 'always',
  'case.thread': 'hashed',
  'event.caseId': 'hashed',
  'event.data.messageId': 'never',
  'event.data.note': 'if-notes-allowed',
  'event.data.reason': 'if-notes-allowed',
  'event.data.summary': 'if-notes-allowed',
  'event.data.feedback': 'if-notes-allowed',
  'event.*': 'always',
  'outcome.caseId': 'hashed',
  'outcome.summary': 'if-notes-allowed',
  'outcome.feedback': 'if-notes-allowed',
  'outcome.*': 'always',
  // The shared inbox (./shared-inbox-docs.ts): keyed by the team's thread key, never a thread id.
  'claim.thread': 'hashed',
  'claim.*': 'always',
  'assignment.thread': 'hashed',
  'assignment.*': 'always',
  'note.thread': 'hashed',
  /** An internal note is written for the team: it goes to the team whenever sync is on. */
  'note.text': 'always',
  'note.*': 'always',
  'presence.threads': 'hashed',
  'presence.*': 'always',
};

export interface CaseSyncDoc {
  kind: 'case';
  caseKey: string;
  host: CaseRecord['host'];
  category?: CaseRecord['category'];
  stage: CaseRecord['stage'];
  reference?: string;
  agentId: string;
  createdAt: string;
  updatedAt: string;
  nextDueAt?: string;
  open: 0 | 1;
  closedAt?: string;
  subject?: string;
  /** The conversation's thread key (utils/shared-inbox/thread-key.ts), when the team has a profile. */
  thread?: string;
}

export interface EventSyncDoc {
  kind: 'event';
  eventId: string;
  caseKey: string;
  type: CaseEvent['type'];
  at: string;
  actor: string;
  source: CaseEvent['source'];
  data: Record<string, unknown>;
}

export interface OutcomeSyncDoc {
  kind: 'outcome';
  caseKey: string;
  agentId: string;
  recordedAt: string;
  code?: string;
  csat?: number;
  nps?: number;
  followUpOn?: string;
  summary?: string;
  feedback?: string;
}

/** Tells the team database to delete everything it holds about these cases. */
export interface ErasureSyncDoc {
  kind: 'erasure';
  caseKeys: string[];
  /** The same conversations' thread keys: every agent removes the notes and owners kept under them. */
  threads?: string[];
  at: string;
  agentId: string;
}

/**
 * A team lead's publication of a template or of the team's settings: the lead's own work, no
 * customer data (a template body is the team's approved text, never a message).
 */
export type TemplatePublicationSyncDoc = { kind: 'template' } & TemplatePublication;
export type SettingsPublicationSyncDoc = { kind: 'settings' } & SettingsPublication;

export type SyncDoc = CaseSyncDoc | EventSyncDoc | OutcomeSyncDoc | ErasureSyncDoc | TemplatePublicationSyncDoc | SettingsPublicationSyncDoc | SharedInboxSyncDoc;
export type SyncDocKind = SyncDoc['kind'];

type RecordOf = { case: CaseRecord; event: CaseEvent; outcome: OutcomeRecord };

const FREE_TEXT_FIELDS = new Set(['note', 'reason', 'summary', 'feedback']);
const NEVER_FIELDS = new Set(['messageId']);

/** The document that may sync for a stored record, under the privacy settings. */
export function toSyncDoc<K extends keyof RecordOf>(kind: K, record: RecordOf[K], settings: SyncPrivacySettings): SyncDoc {
  switch (kind) {
    case 'case': {
      const c = record as CaseRecord;
      const doc: CaseSyncDoc = {
        kind: 'case',
        caseKey: syncCaseKey(c.caseId, settings.salt),
        host: c.host,
        stage: c.stage,
        agentId: c.agentId,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        open: c.open,
      };
      if (c.category !== undefined) doc.category = c.category;
      if (c.reference !== undefined) doc.reference = c.reference;
      if (c.nextDueAt !== undefined) doc.nextDueAt = c.nextDueAt;
      if (c.closedAt !== undefined) doc.closedAt = c.closedAt;
      if (settings.shareSubject && c.subject) doc.subject = c.subject;
      if (settings.threadSalt) doc.thread = threadKeyFor(c.caseId, settings.threadSalt);
      return doc;
    }
    case 'event': {
      const e = record as CaseEvent;
      const data: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(e.data)) {
        if (value === undefined || NEVER_FIELDS.has(field)) continue;
        if (FREE_TEXT_FIELDS.has(field) && !settings.shareNotes) continue;
        data[field] = value;
      }
      return { kind: 'event', eventId: e.id, caseKey: syncCaseKey(e.caseId, settings.salt), type: e.type, at: e.at, actor: e.actor, source: e.source, data };
    }
    case 'outcome': {
      const o = record as OutcomeRecord;
      const doc: OutcomeSyncDoc = { kind: 'outcome', caseKey: syncCaseKey(o.caseId, settings.salt), agentId: o.agentId, recordedAt: o.recordedAt };
      if (o.code !== undefined) doc.code = o.code;
      if (o.csat !== undefined) doc.csat = o.csat;
      if (o.nps !== undefined) doc.nps = o.nps;
      if (o.followUpOn !== undefined) doc.followUpOn = o.followUpOn;
      if (settings.shareNotes && o.summary) doc.summary = o.summary;
      if (settings.shareNotes && o.feedback) doc.feedback = o.feedback;
      return doc;
    }
    default:
      throw new Error(`No sync document for "${String(kind)}".`);
  }
}

/** The erasure notice for some cases: keys only, never the address that was erased. */
export function toErasureDoc(caseIds: readonly string[], settings: Pick<SyncPrivacySettings, 'salt'>, at: string, agentId: string, threads: readonly string[] = []): ErasureSyncDoc {
  return { kind: 'erasure', caseKeys: caseIds.map((id) => syncCaseKey(id, settings.salt)), at, agentId, ...(threads.length > 0 ? { threads: [...threads] } : {}) };
}
