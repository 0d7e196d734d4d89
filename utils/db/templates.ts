/** Reply templates stored locally (the library itself is written by the templates issue). */
import type { CaselineDb, TemplateRecord } from './schema';

export function listTemplates(db: CaselineDb): Promise<TemplateRecord[]> {
  return db.getAll('templates');
}

export function getTemplate(db: CaselineDb, id: string): Promise<TemplateRecord | undefined> {
  return db.get('templates', id);
}

export async function putTemplate(db: CaselineDb, template: TemplateRecord): Promise<void> {
  await db.put('templates', template);
}

export async function deleteTemplate(db: CaselineDb, id: string): Promise<void> {
  await db.delete('templates', id);
}
