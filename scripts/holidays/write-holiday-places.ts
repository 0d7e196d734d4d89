/**
 * `npm run holidays:places`: rewrites utils/calendar/holiday-places.json, the index of countries
 * and regions (with names) that the pickers and the settings check use, from the installed
 * date-holidays. Run it after upgrading the package; tests/unit/calendar/holiday-data.test.ts
 * fails while the index is out of date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { holidayPlacesText } from './holiday-places-text';

const target = resolve('utils/calendar/holiday-places.json');
writeFileSync(target, holidayPlacesText());
console.log(`wrote ${target}`);
