/**
 * `npm run holidays:places`: rewrites utils/calendar/holiday-places.json (and holiday-codes.json, the same without names), the index of countries
 * and regions (with names) that the pickers and the settings check use, from the installed
 * date-holidays. Run it after upgrading the package; tests/unit/calendar/holiday-data.test.ts
 * fails while the index is out of date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { holidayCodesText, holidayPlacesText } from './holiday-places-text';

for (const [file, text] of [['utils/calendar/holiday-places.json', holidayPlacesText()], ['utils/calendar/holiday-codes.json', holidayCodesText()]] as const) {
  const target = resolve(file);
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
