/**
 * Templates in and out as JSON: `{ format: 'caseline-templates', version: 1, templates: [...] }`.
 * Import checks every template (valibot) and reports each problem with the template's index.
 * Imported templates arrive as drafts, unless the importer approves them on the way in, in which
 * case each must pass approval.
 */
import { MAX_TEMPLATES_BYTES, tooLargeMessage } from '../backup/import-limits';
import * as v from 'valibot';
import { CATEGORIES } from '../cases/events';
import { approve } from './approval';
import { TEMPLATE_LANGUAGES, TEMPLATE_STAGES, TEMPLATE_STATUSES } from './types';
import type { Template } from './types';

export const TRANSFER_FORMAT = 'caseline-templates';
export const TRANSFER_VERSION = 1;
/** Caps that keep a hostile file from freezing the options page. */
export const MAX_IMPORT_TEMPLATES = 2000;
export const MAX_BODY_LENGTH = 20_000;

export interface TemplateExport {
  format: typeof TRANSFER_FORMAT;
  version: typeof TRANSFER_VERSION;
  templates: Template[];
}

export interface ImportError {
  /** Index of the template in the file's `templates`, or -1 for the file as a whole. */
  index: number;
  message: string;
}

export type ImportResult = { ok: true; templates: Template[] } | { ok: false; errors: ImportError[] };

export interface ImportOptions {
  /** Approve every imported template as this person at this ISO instant (each must pass approval). */
  approveAs?: { by: string; at: string };
}

const instant = v.pipe(
  v.string(),
  v.check((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(new Date(s).getTime()), 'must be an ISO date and time'),
);
const nonBlank = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

const TemplateSchema = v.object({
  id: nonBlank(200),
  version: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  name: nonBlank(200),
  stage: v.picklist(TEMPLATE_STAGES, `must be one of ${TEMPLATE_STAGES.join(', ')}`),
  categories: v.pipe(v.array(v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`)), v.maxLength(CATEGORIES.length)),
  language: v.picklist(TEMPLATE_LANGUAGES, `must be one of ${TEMPLATE_LANGUAGES.join(', ')}`),
  body: v.pipe(v.string(), v.maxLength(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`)),
  status: v.picklist(TEMPLATE_STATUSES, `must be one of ${TEMPLATE_STATUSES.join(', ')}`),
  approvedBy: v.optional(v.string()),
  approvedAt: v.optional(instant),
  updatedAt: instant,
  shortcut: v.optional(v.pipe(v.string(), v.maxLength(24, 'must be at most 24 characters'))),
});

const EnvelopeSchema = v.object({
  format: v.literal(TRANSFER_FORMAT, `this is not a Caseline templates file (format must be "${TRANSFER_FORMAT}")`),
  version: v.literal(TRANSFER_VERSION, `unsupported version (this Caseline reads version ${TRANSFER_VERSION})`),
  templates: v.pipe(v.array(v.unknown(), 'templates must be a list'), v.maxLength(MAX_IMPORT_TEMPLATES, `at most ${MAX_IMPORT_TEMPLATES} templates per file`)),
});

function describe(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** The templates as a JSON document, stable and readable (two-space indent, fixed key order). */
export function exportTemplates(templates: readonly Template[]): string {
  const doc: TemplateExport = {
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    templates: templates.map((t) => {
      const out: Template = {
        id: t.id,
        version: t.version,
        name: t.name,
        stage: t.stage,
        categories: [...t.categories],
        language: t.language,
        body: t.body,
        status: t.status,
        updatedAt: t.updatedAt,
      };
      if (t.approvedBy !== undefined) out.approvedBy = t.approvedBy;
      if (t.approvedAt !== undefined) out.approvedAt = t.approvedAt;
      if (t.shortcut !== undefined) out.shortcut = t.shortcut;
      return out;
    }),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * Reads an exported file. On success every template is a draft (approval stamps dropped), or,
 * with `approveAs`, approved by that person. Any problem fails the whole import, listing each.
 */
export function importTemplates(json: string, options: ImportOptions = {}): ImportResult {
  if (json.length > MAX_TEMPLATES_BYTES) return { ok: false, errors: [{ index: -1, message: tooLargeMessage('templates file', json.length, MAX_TEMPLATES_BYTES) }] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [{ index: -1, message: `not valid JSON (${e instanceof Error ? e.message : String(e)})` }] };
  }
  const envelope = v.safeParse(EnvelopeSchema, data);
  if (!envelope.success) return { ok: false, errors: describe(envelope.issues).map((message) => ({ index: -1, message })) };

  const errors: ImportError[] = [];
  const templates: Template[] = [];
  const seen = new Map<string, number>();
  envelope.output.templates.forEach((raw, index) => {
    const parsed = v.safeParse(TemplateSchema, raw);
    if (!parsed.success) {
      for (const message of describe(parsed.issues)) errors.push({ index, message });
      return;
    }
    const p = parsed.output;
    const key = `${p.id}@${p.version}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ index, message: `id: "${p.id}" version ${p.version} already appears at index ${first}` });
      return;
    }
    seen.set(key, index);
    const draft: Template = {
      id: p.id,
      version: p.version,
      name: p.name,
      stage: p.stage,
      categories: [...new Set(p.categories)],
      language: p.language,
      body: p.body,
      status: 'draft',
      updatedAt: p.updatedAt,
    };
    if (p.shortcut !== undefined && p.shortcut !== '') draft.shortcut = p.shortcut;
    if (options.approveAs) {
      const approved = approve(draft, options.approveAs.by, options.approveAs.at);
      if (!approved.ok) {
        for (const problem of approved.problems) errors.push({ index, message: `${problem.field}: ${problem.message}` });
        return;
      }
      templates.push(approved.template);
    } else {
      templates.push(draft);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, templates };
}
