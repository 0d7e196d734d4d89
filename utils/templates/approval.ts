/**
 * Approval rules. Only an approved template can be inserted into a reply; approval checks the
 * template and records who approved it and when; an edit of an approved (or retired) template
 * becomes a new draft version, so what was approved is never changed under anyone's feet.
 */
import { CATEGORIES } from '../cases/events';
import type { Category } from '../cases/events';
import { parseBodyCached } from './body-syntax';
import type { BodyProblemCode } from './body-syntax';
import { TEMPLATE_LANGUAGES, TEMPLATE_STAGES } from './types';
import type { Template, TemplateLanguage, TemplateStage } from './types';
import { isKnownVariable } from './variables';

export type ApprovalProblemCode =
  | BodyProblemCode
  | 'empty_name'
  | 'empty_body'
  | 'unknown_variable'
  | 'missing_stage'
  | 'unknown_language'
  | 'unknown_category'
  | 'invalid_shortcut'
  | 'invalid_version'
  | 'missing_approver'
  | 'invalid_instant'
  | 'not_a_draft';

export interface ApprovalProblem {
  code: ApprovalProblemCode;
  field: 'name' | 'body' | 'stage' | 'language' | 'categories' | 'shortcut' | 'version' | 'approvedBy' | 'approvedAt' | 'status';
  message: string;
}

export type ApprovalResult = { ok: true; template: Template } | { ok: false; problems: ApprovalProblem[] };

/** A shortcut is one short lowercase word: letters (any script), digits and dashes. */
export const SHORTCUT_PATTERN = /^[\p{Ll}\p{Lo}0-9][\p{Ll}\p{Lo}0-9-]{0,23}$/u;

const BODY_MESSAGES: Record<BodyProblemCode, string> = {
  malformed_placeholder: 'A placeholder is not closed or its name is not valid',
  invalid_link: 'A link has no text or its address is not http, https or mailto',
  placeholder_in_link_address: 'A link address cannot contain a placeholder',
  cursor_in_link: 'The cursor marker cannot be inside a link',
  several_cursors: 'Only one cursor marker is allowed',
};

function isInstant(s: string | undefined): boolean {
  return s !== undefined && s.trim() !== '' && !Number.isNaN(new Date(s).getTime());
}

/** Everything that stops a template from being approved; empty when it is fit to approve. */
export function validateTemplate(t: Template): ApprovalProblem[] {
  const problems: ApprovalProblem[] = [];
  if (t.name.trim() === '') problems.push({ code: 'empty_name', field: 'name', message: 'The name is empty' });
  if (!(TEMPLATE_STAGES as readonly string[]).includes(t.stage)) {
    problems.push({ code: 'missing_stage', field: 'stage', message: 'Choose the stage the template is for' });
  }
  if (!(TEMPLATE_LANGUAGES as readonly string[]).includes(t.language)) {
    problems.push({ code: 'unknown_language', field: 'language', message: `Unknown language "${String(t.language)}"` });
  }
  for (const c of t.categories) {
    if (!(CATEGORIES as readonly string[]).includes(c)) {
      problems.push({ code: 'unknown_category', field: 'categories', message: `Unknown category "${String(c)}"` });
    }
  }
  if (t.shortcut !== undefined && !SHORTCUT_PATTERN.test(t.shortcut)) {
    problems.push({ code: 'invalid_shortcut', field: 'shortcut', message: 'A shortcut is one lowercase word of up to 24 letters, digits or dashes' });
  }
  if (!Number.isInteger(t.version) || t.version < 1) {
    problems.push({ code: 'invalid_version', field: 'version', message: 'The version must be a whole number from 1' });
  }
  if (t.body.trim() === '') {
    problems.push({ code: 'empty_body', field: 'body', message: 'The body is empty' });
  } else {
    const parsed = parseBodyCached(t.body);
    for (const name of parsed.variables) {
      if (!isKnownVariable(name)) problems.push({ code: 'unknown_variable', field: 'body', message: `Unknown variable {{${name}}}` });
    }
    for (const p of parsed.problems) problems.push({ code: p.code, field: 'body', message: `${BODY_MESSAGES[p.code]}: ${p.source}` });
  }
  return problems;
}

/**
 * Approves a draft: validates it and returns the approved copy stamped with who and when.
 * `at` is an ISO instant. An approved or retired template is refused (edit it to get a new draft).
 */
export function approve(t: Template, by: string, at: string): ApprovalResult {
  const problems = validateTemplate(t);
  if (t.status !== 'draft') problems.push({ code: 'not_a_draft', field: 'status', message: `Only a draft can be approved (this one is ${t.status})` });
  if (by.trim() === '') problems.push({ code: 'missing_approver', field: 'approvedBy', message: 'Say who approves the template' });
  if (!isInstant(at)) problems.push({ code: 'invalid_instant', field: 'approvedAt', message: 'The approval time is not a valid date' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, template: { ...t, categories: [...t.categories], status: 'approved', approvedBy: by.trim(), approvedAt: at, updatedAt: at } };
}

const ISO_INSTANT_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Whether the template may be inserted into a reply: approved, with its approver and approval
 * time recorded. Cheap (the palette calls it for every template on every keystroke).
 */
export function canInsert(t: Template): boolean {
  return t.status === 'approved' && typeof t.approvedBy === 'string' && t.approvedBy !== '' && typeof t.approvedAt === 'string' && ISO_INSTANT_START.test(t.approvedAt);
}

export type TemplateChanges = Partial<{
  name: string;
  stage: TemplateStage;
  categories: Category[];
  language: TemplateLanguage;
  body: string;
  /** `null` removes the shortcut. */
  shortcut: string | null;
}>;

/**
 * Applies an edit. A draft is changed in place (same version); an approved or retired template
 * yields a new draft with the next version, without approval stamps — the approved version stays
 * in force until the new one is approved.
 */
export function editTemplate(t: Template, changes: TemplateChanges, at: string): Template {
  const { shortcut, ...rest } = changes;
  const next: Template = { ...t, ...rest, categories: [...(rest.categories ?? t.categories)], updatedAt: at };
  if (shortcut === null) delete next.shortcut;
  else if (shortcut !== undefined) next.shortcut = shortcut;
  if (t.status !== 'draft') {
    next.status = 'draft';
    next.version = t.version + 1;
    delete next.approvedBy;
    delete next.approvedAt;
  }
  return next;
}

/** Withdraws a template: it stays on record (cases logged its insertion) but can no longer be inserted. */
export function retire(t: Template, at: string): Template {
  return { ...t, categories: [...t.categories], status: 'retired', updatedAt: at };
}

export interface NewTemplate {
  id: string;
  name: string;
  stage: TemplateStage;
  language: TemplateLanguage;
  body: string;
  categories?: Category[];
  shortcut?: string;
}

/** A new template, version 1, as a draft. */
export function newDraft(fields: NewTemplate, at: string): Template {
  const t: Template = {
    id: fields.id,
    version: 1,
    name: fields.name,
    stage: fields.stage,
    categories: [...(fields.categories ?? [])],
    language: fields.language,
    body: fields.body,
    status: 'draft',
    updatedAt: at,
  };
  if (fields.shortcut !== undefined) t.shortcut = fields.shortcut;
  return t;
}

/**
 * The templates an agent can insert: approved ones only and, when several versions of one id are
 * approved, only the newest of them. A retired version retires every older version of its id.
 */
export function insertableTemplates(templates: readonly Template[]): Template[] {
  const newest = new Map<string, Template>();
  const retiredUpTo = new Map<string, number>();
  for (const t of templates) {
    if (t.status === 'retired') retiredUpTo.set(t.id, Math.max(retiredUpTo.get(t.id) ?? 0, t.version));
    if (!canInsert(t)) continue;
    const seen = newest.get(t.id);
    if (!seen || seen.version < t.version) newest.set(t.id, t);
  }
  return templates.filter((t) => newest.get(t.id) === t && t.version > (retiredUpTo.get(t.id) ?? 0));
}
