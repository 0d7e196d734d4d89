/**
 * The records a team shares through its database, as the domain and the local store know them.
 * Every document is append-only and carries a deterministic `_id` (`<prefix>:<agentId>:<ulid>`),
 * `type`, `author` (the server user name that wrote it), `agentId` (the install that wrote it),
 * `createdAt`, and its payload under a key named like its type (`{ type: 'event', event: {...} }`).
 * How they are checked and exchanged with the server lives in utils/sync/docs.ts.
 */
import type { CaseEvent } from './events';

export const DOC_TYPES = ['event', 'outcome', 'case', 'template', 'correction', 'erasure', 'settings', 'claim', 'assignment', 'note', 'presence'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export interface DocBase<T extends DocType> {
  _id: string;
  _rev?: string;
  type: T;
  author: string;
  agentId: string;
  createdAt: string;
}
export type EventDoc = DocBase<'event'> & { event: CaseEvent };
export type OutcomeDoc = DocBase<'outcome'> & {
  outcome: { caseId: string; at?: string; code?: string; summary?: string; csat?: number; nps?: number; [k: string]: unknown };
};
export type CaseDoc = DocBase<'case'> & { case: { caseId: string; category?: string; stage?: string; [k: string]: unknown } };
export type TemplateDoc = DocBase<'template'> & { template: { templateId: string; version: number; [k: string]: unknown } };
export type CorrectionDoc = DocBase<'correction'> & { correction: { category: string; previous?: string; [k: string]: unknown } };
export type ErasureDoc = DocBase<'erasure'> & { erasure: { subjectHash: string; [k: string]: unknown } };
export type SettingsDoc = DocBase<'settings'> & { settings: Record<string, unknown> };
/**
 * The shared inbox (utils/shared-inbox): records about a conversation name it by its thread key
 * (the same for every agent of the team, never a thread id), and `by` is always their author.
 * - claim: an agent's own ownership change (claimed, handed_on, released);
 * - assignment: a lead's (assigned), written by leads only;
 * - note: an internal note, with the teammates it mentions;
 * - presence: one record per install, rewritten in place by its author at each heartbeat (the
 *   one type that is not append-only): the conversations open and whether a reply is being written.
 */
export type ClaimDoc = DocBase<'claim'> & {
  claim: { id: string; thread: string; change: 'claimed' | 'handed_on' | 'released'; at: string; by: string; owner?: string; name?: string };
};
export type AssignmentDoc = DocBase<'assignment'> & { assignment: { id: string; thread: string; at: string; by: string; owner?: string; name?: string } };
export type NoteDoc = DocBase<'note'> & { note: { id: string; thread: string; at: string; by: string; text: string; name?: string; mentions?: string[] } };
export type PresenceDoc = DocBase<'presence'> & {
  presence: { at: string; by: string; name?: string; threads: Record<string, { state: 'viewing' | 'replying'; since: string }> };
};
export type SyncDoc = EventDoc | OutcomeDoc | CaseDoc | TemplateDoc | CorrectionDoc | ErasureDoc | SettingsDoc | ClaimDoc | AssignmentDoc | NoteDoc | PresenceDoc;

/** The shared inbox's types: stored apart from the team's case records (utils/db/shared-inbox.ts). */
export const SHARED_INBOX_DOC_TYPES = ['claim', 'assignment', 'note', 'presence'] as const satisfies readonly DocType[];
export type SharedInboxDoc = ClaimDoc | AssignmentDoc | NoteDoc | PresenceDoc;

export function isSharedInboxDoc(doc: SyncDoc): doc is SharedInboxDoc {
  return (SHARED_INBOX_DOC_TYPES as readonly string[]).includes(doc.type);
}
