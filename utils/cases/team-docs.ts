/**
 * The records a team shares through its database, as the domain and the local store know them.
 * Every document is append-only and carries a deterministic `_id` (`<prefix>:<agentId>:<ulid>`),
 * `type`, `author` (the server user name that wrote it), `agentId` (the install that wrote it),
 * `createdAt`, and its payload under a key named like its type (`{ type: 'event', event: {...} }`).
 * How they are checked and exchanged with the server lives in utils/sync/docs.ts.
 */
import type { CaseEvent } from './events';

export const DOC_TYPES = ['event', 'outcome', 'case', 'template', 'correction', 'erasure', 'settings'] as const;
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
export type SyncDoc = EventDoc | OutcomeDoc | CaseDoc | TemplateDoc | CorrectionDoc | ErasureDoc | SettingsDoc;
