/**
 * The team's library, from the publications its leads wrote to the team database (append-only
 * `template` records, see utils/cases/team-docs.ts). Per template id the newest publication
 * decides — newest by version, then by the time it was published, then by id, so every agent
 * folds the same records to the same library whatever order they arrived in:
 * - `approved`: that version, with the approval history the lead recorded, is the one everybody
 *   inserts;
 * - `withdrawn`: the template is out of everybody's library until a lead publishes a later version.
 * A publication that is not a valid template (validateTemplate) is ignored and reported.
 */
import type { Category } from '../cases/events';
import type { TemplateApproval, TemplateDoc } from '../cases/team-docs';
import { validateTemplate } from './approval';
import type { Template, TemplateLanguage, TemplateStage } from './types';

/** A template the team uses, as published. */
export interface TeamTemplate {
  template: Template;
  /** Every approval the team has had of it, oldest first. */
  approvals: TemplateApproval[];
  publishedBy: string;
  publishedAt: string;
}

export interface WithdrawnTemplate {
  templateId: string;
  version: number;
  /** Its name when it was last published, where known. */
  name?: string;
  withdrawnBy: string;
  withdrawnAt: string;
}

export interface TeamLibrary {
  templates: TeamTemplate[];
  withdrawn: WithdrawnTemplate[];
  invalid: Array<{ id: string; reason: string }>;
  /** Publications read (approvals and withdrawals); 0 means the team has published nothing yet. */
  publications: number;
  /** The newest publication: who and when. */
  lastChange?: { by: string; at: string };
}

function newer(a: TemplateDoc, b: TemplateDoc): boolean {
  const x = a.template;
  const y = b.template;
  if (x.version !== y.version) return x.version > y.version;
  if (x.at !== y.at) return x.at > y.at;
  return a._id > b._id;
}

/** The template a publication describes, or why it is not one. */
export function publishedTemplate(doc: TemplateDoc): { ok: true; template: Template } | { ok: false; reason: string } {
  const p = doc.template;
  if (p.status !== 'approved') return { ok: false, reason: 'not an approval' };
  const template: Template = {
    id: p.templateId,
    version: p.version,
    name: typeof p.name === 'string' ? p.name : '',
    stage: p.stage as TemplateStage,
    categories: Array.isArray(p.categories) ? (p.categories as Category[]) : [],
    language: p.language as TemplateLanguage,
    body: typeof p.body === 'string' ? p.body : '',
    status: 'approved',
    updatedAt: p.at,
    ...(typeof p.approvedBy === 'string' ? { approvedBy: p.approvedBy } : {}),
    ...(typeof p.approvedAt === 'string' ? { approvedAt: p.approvedAt } : {}),
    ...(typeof p.shortcut === 'string' ? { shortcut: p.shortcut } : {}),
  };
  const problems = validateTemplate(template);
  if (!template.approvedBy || !template.approvedAt) problems.push({ code: 'missing_approver', field: 'approvedBy', message: 'No approval recorded' });
  if (problems.length > 0) return { ok: false, reason: problems.map((x) => x.message).join('; ') };
  return { ok: true, template };
}

export function teamLibrary(docs: Iterable<TemplateDoc>): TeamLibrary {
  const newest = new Map<string, TemplateDoc>();
  const lastName = new Map<string, { version: number; name: string }>();
  const invalid: TeamLibrary['invalid'] = [];
  let publications = 0;
  let lastChange: TeamLibrary['lastChange'];
  for (const doc of docs) {
    publications += 1;
    const p = doc.template;
    if (!lastChange || p.at > lastChange.at) lastChange = { by: doc.author, at: p.at };
    if (p.status === 'approved') {
      const checked = publishedTemplate(doc);
      if (!checked.ok) {
        invalid.push({ id: doc._id, reason: checked.reason });
        continue;
      }
      const named = lastName.get(p.templateId);
      if (!named || named.version <= p.version) lastName.set(p.templateId, { version: p.version, name: checked.template.name });
    }
    const seen = newest.get(p.templateId);
    if (!seen || newer(doc, seen)) newest.set(p.templateId, doc);
  }
  const templates: TeamTemplate[] = [];
  const withdrawn: WithdrawnTemplate[] = [];
  for (const [templateId, doc] of newest) {
    const p = doc.template;
    if (p.status === 'withdrawn') {
      const name = lastName.get(templateId)?.name;
      withdrawn.push({ templateId, version: p.version, ...(name ? { name } : {}), withdrawnBy: doc.author, withdrawnAt: p.at });
      continue;
    }
    const checked = publishedTemplate(doc);
    if (!checked.ok) continue;
    const approvals = Array.isArray(p.approvals) && p.approvals.length > 0 ? p.approvals : [{ version: p.version, by: checked.template.approvedBy!, at: checked.template.approvedAt! }];
    templates.push({ template: checked.template, approvals, publishedBy: doc.author, publishedAt: p.at });
  }
  templates.sort((a, b) => a.template.name.localeCompare(b.template.name) || a.template.id.localeCompare(b.template.id));
  withdrawn.sort((a, b) => (a.name ?? a.templateId).localeCompare(b.name ?? b.templateId));
  return { templates, withdrawn, invalid, publications, ...(lastChange ? { lastChange } : {}) };
}

/**
 * The approvals to record with a new publication of `template`: those the team already has for
 * its id (older versions), then this one.
 */
export function approvalsFor(template: Template, published: TeamTemplate | undefined): TemplateApproval[] {
  const earlier = (published?.approvals ?? []).filter((a) => a.version < template.version);
  return [...earlier, { version: template.version, by: template.approvedBy ?? '', at: template.approvedAt ?? template.updatedAt }];
}
