/**
 * The install's template library in the database: seeded with Caseline's approved defaults on
 * first use; drafts, approvals and retirements as the options page makes them.
 */
import type { CaselineDb, TemplateRecord } from '../db/schema';
import { approve, editTemplate, retire, type TemplateChanges } from '../templates/approval';
import { importTemplates } from '../templates/transfer';
import type { Template } from '../templates/types';

const SEEDED_KEY = 'templatesSeeded';

/**
 * Where Caseline's default library comes from. The background reads it from the extension's
 * package (`templates/defaults.json`, written at build time from utils/templates/library.ts) so
 * its script does not carry 16 KB of template text it needs once per database; Node code and
 * tests provide it from the module (`./bundled-default-templates`).
 */
export type DefaultTemplatesSource = () => Promise<Template[]>;

let defaultsSource: DefaultTemplatesSource | undefined;

export function provideDefaultTemplates(source: DefaultTemplatesSource): void {
  defaultsSource = source;
}

const toRecord = (t: Template) => t as unknown as TemplateRecord;
const fromRecord = (r: TemplateRecord) => r as unknown as Template;

export async function listLibrary(db: CaselineDb): Promise<Template[]> {
  await seedDefaults(db);
  return (await db.getAll('templates')).map(fromRecord).sort((a, b) => a.name.localeCompare(b.name));
}

export async function getTemplate(db: CaselineDb, id: string): Promise<Template | undefined> {
  const r = await db.get('templates', id);
  return r ? fromRecord(r) : undefined;
}

/** Writes Caseline's default library once per database. */
export async function seedDefaults(db: CaselineDb): Promise<void> {
  if (await db.get('meta', SEEDED_KEY)) return;
  if (!defaultsSource) throw new Error("Caseline's default templates have no source: a wiring mistake.");
  // Read before the transaction: a transaction must not wait on anything but the database.
  const defaults = await defaultsSource();
  const tx = db.transaction(['templates', 'meta'], 'readwrite');
  const seeded = await tx.objectStore('meta').get(SEEDED_KEY);
  if (!seeded) {
    for (const t of defaults) await tx.objectStore('templates').put(toRecord(t));
    await tx.objectStore('meta').put({ key: SEEDED_KEY, value: true });
  }
  await tx.done;
}

/** Saves a draft: a new template, or an edit (an edit of an approved one becomes a new draft version). */
export async function saveDraft(db: CaselineDb, input: Template, at: string): Promise<Template> {
  const existing = await getTemplate(db, input.id);
  const changes: TemplateChanges = { name: input.name, body: input.body, stage: input.stage, categories: input.categories, language: input.language, ...(input.shortcut ? { shortcut: input.shortcut } : {}) };
  const next: Template = existing ? editTemplate(existing, changes, at) : { ...input, status: 'draft', version: 1, updatedAt: at };
  await db.put('templates', toRecord(next));
  return next;
}

export async function approveTemplate(db: CaselineDb, id: string, by: string, at: string): Promise<{ ok: true; template: Template } | { ok: false; error: string }> {
  const t = await getTemplate(db, id);
  if (!t) return { ok: false, error: 'That template does not exist any more.' };
  const r = approve(t, by, at);
  if (!r.ok) return { ok: false, error: `Not approved: ${r.problems.map((p) => p.message).join(' ')}` };
  await db.put('templates', toRecord(r.template));
  return { ok: true, template: r.template };
}

export async function retireTemplate(db: CaselineDb, id: string, at: string): Promise<Template | undefined> {
  const t = await getTemplate(db, id);
  if (!t) return undefined;
  const next = retire(t, at);
  await db.put('templates', toRecord(next));
  return next;
}

/** Imports a JSON export: all valid or none written. Approved on import only when asked (by whom, when). */
export async function importLibrary(db: CaselineDb, json: string, approveAs: { by: string; at: string } | null): Promise<{ ok: true; count: number } | { ok: false; error: string }> {
  const parsed = importTemplates(json);
  if (!parsed.ok) return { ok: false, error: parsed.errors.map((e) => `template ${e.index + 1}: ${e.message}`).join('; ') };
  const ready: Template[] = [];
  for (const t of parsed.templates) {
    if (!approveAs) {
      ready.push(t);
      continue;
    }
    const r = approve(t, approveAs.by, approveAs.at);
    if (!r.ok) return { ok: false, error: `“${t.name}” cannot be approved: ${r.problems.map((p) => p.message).join(' ')}` };
    ready.push(r.template);
  }
  const tx = db.transaction('templates', 'readwrite');
  for (const t of ready) await tx.store.put(toRecord(t));
  await tx.done;
  return { ok: true, count: ready.length };
}
