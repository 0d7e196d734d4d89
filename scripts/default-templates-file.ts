/**
 * Build step: Caseline's default library as the file the background reads when it seeds a
 * database (`templates/defaults.json`), in the templates export format, so its text stays out of
 * background.js.
 */
import { DEFAULT_TEMPLATES } from '../utils/templates/library';
import { exportTemplates } from '../utils/templates/transfer';

export const DEFAULT_TEMPLATES_PATH = 'templates/defaults.json';

export function defaultTemplatesFileText(): string {
  return exportTemplates(DEFAULT_TEMPLATES);
}
