/**
 * Caseline's default templates as the background reads them: from the file the build ships
 * (`templates/defaults.json`, scripts/default-templates-file.ts), the first time a database is
 * seeded. Checked like any imported library before a template of it is stored.
 */
import { browser, type PublicPath } from 'wxt/browser';
import { importTemplates, type TemplateExport } from '../templates/transfer';
import type { Template } from '../templates/types';

export async function readDefaultTemplatesFile(): Promise<Template[]> {
  const response = await fetch(browser.runtime.getURL('/templates/defaults.json' as PublicPath));
  if (!response.ok) throw new Error(`Caseline's default templates could not be read (${response.status}).`);
  return defaultTemplatesFromText(await response.text());
}

/**
 * The templates of the file as they were approved, after the checks of a templates import (which
 * would turn them into drafts: the shipped library is approved, so its own records are kept).
 */
export function defaultTemplatesFromText(text: string): Template[] {
  const checked = importTemplates(text);
  if (!checked.ok) throw new Error(`Caseline's default templates are not usable: ${checked.errors.map((e) => e.message).join('; ')}`);
  const { templates } = JSON.parse(text) as TemplateExport;
  if (!templates.every((t) => t.status === 'approved' && typeof t.approvedBy === 'string' && typeof t.approvedAt === 'string')) {
    throw new Error("Caseline's default templates are not usable: every one must be approved.");
  }
  return templates;
}
