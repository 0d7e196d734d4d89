/**
 * Build step: the index of holiday country and region codes (utils/calendar/holiday-codes.json,
 * unchanged) as the file the background reads before it checks settings or resolves holidays
 * (`calendar/holiday-codes.json`), so the index stays out of background.js. The settings pages
 * carry it themselves.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOLIDAY_CODES_PATH = 'calendar/holiday-codes.json';

const codesPath = join(dirname(fileURLToPath(import.meta.url)), '../utils/calendar/holiday-codes.json');

export function holidayCodesFileText(): string {
  return readFileSync(codesPath, 'utf8');
}
