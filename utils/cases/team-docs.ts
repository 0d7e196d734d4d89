/**
 * The records a team shares through its database, as the domain and the local store know them.
 * Every document is append-only (except a `presence` record, which its author rewrites in place)
 * and carries a deterministic `_id` (`<prefix>:<owner>:<ulid>`),
 * `type`, `author` (the server user name that wrote it), `agentId` (the same user name: the
 * server refuses any other, so a record is bound to whoever signed in to write it),
 * `createdAt`, and its payload under a key named like its type (`{ type: 'event', event: {...} }`).
 * How they are checked and exchanged with the server lives in utils/sync/docs.ts.
 *
 * Ownership, for every type: a record belongs to its author and nobody else. Records about a case
 * name it by a case key in their payload (CASE_KEY_FIELD); a lead's view files such a record under
 * the case of that key *owned by the author* (teamCaseOf), so a record written under one's own
 * name can never join, change or replace another user's case.
 */
import type { CaseEvent } from './events';

export const DOC_TYPES = ['event', 'outcome', 'case', 'template', 'correction', 'erasure', 'settings', 'claim', 'assignment', 'note', 'presence'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/**
 * Per type, the payload field that names the case the record is about (null: not about one case).
 * A new type must say which: the lead's view merges records about a case only with the other
 * records of the same author about that key.
 */
export const CASE_KEY_FIELD: Record<DocType, string | null> = {
  event: 'caseId',
  outcome: 'caseId',
  case: 'caseId',
  template: null,
  correction: null,
  erasure: null,
  settings: null,
  // The shared inbox's records are about a conversation (a thread key every agent computes the
  // same way), not about one author's case, and are written on purpose about conversations the
  // writer does not own: a teammate's note on someone else's case, a lead's assignment, a claim on
  // an unowned case. "The author owns the case" must not apply to them (it would file a note under
  // a case of its writer's), so they name no case key. They are bound to their writer instead:
  // `by` must be the author (DOC_SPEC authorFields, checked by the server), and who owns a
  // conversation is computed from every writer's changes by one rule (utils/shared-inbox/ownership.ts).
  claim: null,
  assignment: null,
  note: null,
  presence: null,
};

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

/** One approval of a template version, as the team's record keeps it. */
export interface TemplateApproval {
  version: number;
  by: string;
  at: string;
}

/**
 * A lead's publication of a template to the team (append-only, like every record): `approved`
 * makes this version the one everybody uses; `withdrawn` takes the template (every version up
 * to this one) out of everybody's library. The newest publication of an id decides (utils/
 * templates/team-library.ts).
 */
export interface TemplatePublication {
  templateId: string;
  version: number;
  status: 'approved' | 'withdrawn';
  /** When the lead published or withdrew it. */
  at: string;
  name?: string;
  stage?: string;
  categories?: string[];
  language?: string;
  body?: string;
  shortcut?: string;
  approvedBy?: string;
  approvedAt?: string;
  /** Every approval of this template the team has had, oldest first, this one last. */
  approvals?: TemplateApproval[];
  [k: string]: unknown;
}
export type TemplateDoc = DocBase<'template'> & { template: TemplatePublication };
export type CorrectionDoc = DocBase<'correction'> & { correction: { category: string; previous?: string; [k: string]: unknown } };
export type ErasureDoc = DocBase<'erasure'> & { erasure: { subjectHash: string; [k: string]: unknown } };

/**
 * A lead's publication of the team's settings: the SLA policy (targets per category and stage,
 * business calendar, due-soon share, follow-ups), the procedure it started from, and the
 * holidays. The highest version is in force for every agent (utils/settings/team-settings.ts).
 */
export interface SettingsPublication {
  version: number;
  at: string;
  presetId?: string;
  policy: Record<string, unknown>;
  holidays: { country?: string; region?: string; extra?: string[]; [k: string]: unknown };
  [k: string]: unknown;
}
export type SettingsDoc = DocBase<'settings'> & { settings: SettingsPublication };

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

/** The shared inbox's types: stored apart from the team's case records (utils/db/shared-inbox-records.ts). */
export const SHARED_INBOX_DOC_TYPES = ['claim', 'assignment', 'note', 'presence'] as const satisfies readonly DocType[];
export type SharedInboxDoc = ClaimDoc | AssignmentDoc | NoteDoc | PresenceDoc;

export function isSharedInboxDoc(doc: SyncDoc): doc is SharedInboxDoc {
  return (SHARED_INBOX_DOC_TYPES as readonly string[]).includes(doc.type);
}

/** The key of a case a record is about, as its author wrote it (undefined: about no case). */
export function caseKeyOf(doc: SyncDoc): string | undefined {
  const field = CASE_KEY_FIELD[doc.type];
  if (field === null) return undefined;
  const payload = (doc as unknown as Record<string, unknown>)[doc.type] as Record<string, unknown> | undefined;
  const key = payload?.[field];
  return typeof key === 'string' ? key : undefined;
}

/**
 * The case a record belongs to in a lead's view: the author's own case of that key,
 * `<author>:<caseKey>` (user names cannot contain ':', so the pair is unambiguous).
 */
export function teamCaseOf(doc: SyncDoc): string | undefined {
  const key = caseKeyOf(doc);
  return key === undefined ? undefined : ownedCase(doc.author, key);
}

export function ownedCase(author: string, caseKey: string): string {
  return `${author}:${caseKey}`;
}

/** The owner (server user) of a case filed by teamCaseOf. */
export function ownerOfTeamCase(teamCase: string): string {
  const at = teamCase.indexOf(':');
  return at < 0 ? teamCase : teamCase.slice(0, at);
}
