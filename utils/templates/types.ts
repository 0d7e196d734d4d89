/**
 * Reply templates: the approved texts an agent inserts into a reply. Shapes only; the rules live
 * beside them (render.ts, approval.ts, suggest.ts, fuzzy-search.ts, transfer.ts).
 */
import type { Category } from '../cases/events';

/** The moments of a case a template is written for (the procedures name each of them). */
export const TEMPLATE_STAGES = [
  'greeting',
  'acknowledgement',
  'inquiry_answer',
  'complaint_apology',
  'support_ticket',
  'escalation_notice',
  'status_update',
  'resolution',
  'satisfaction_check',
  'follow_up',
  'closing',
  'signoff',
] as const;
export type TemplateStage = (typeof TEMPLATE_STAGES)[number];

export const TEMPLATE_LANGUAGES = ['en', 'es'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export const TEMPLATE_STATUSES = ['draft', 'approved', 'retired'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export interface Template {
  /** Stable across versions: an edit of an approved template keeps the id and bumps `version`. */
  id: string;
  /** 1, 2, 3… A given (id, version) pair never changes once approved. */
  version: number;
  name: string;
  stage: TemplateStage;
  /** The case categories it fits; empty = any category. */
  categories: Category[];
  language: TemplateLanguage;
  /**
   * The body in our mini-format: plain text; paragraphs separated by blank lines; a single newline
   * is a line break; `[text](https://…)` is a link (http, https, mailto only; the address is
   * literal); `{{variable}}` is a placeholder filled with text; `{{cursor}}` marks the caret.
   */
  body: string;
  status: TemplateStatus;
  /** Who approved this version (set by `approve`). */
  approvedBy?: string;
  /** ISO instant of approval (set by `approve`). */
  approvedAt?: string;
  /** ISO instant of the last change. */
  updatedAt: string;
  /** A short word typed in the palette to find it at once, e.g. `ack`. */
  shortcut?: string;
}

/** One piece of a rendered paragraph. Text is always text: the editor inserts it as text nodes. */
export type TemplateRun =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'break' }
  | { kind: 'cursor' };

export interface TemplateBlock {
  kind: 'paragraph';
  runs: TemplateRun[];
}

/** A template rendered for one case, ready for the reply editor. */
export interface RenderedForInsert {
  blocks: TemplateBlock[];
  text: string;
  /** Variables the case could not fill: the sidebar asks for them and renders again. */
  missing: Array<{ name: string; label: string }>;
  templateName: string;
}
