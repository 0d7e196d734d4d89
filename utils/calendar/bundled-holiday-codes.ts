/**
 * Provides the index of holiday country and region codes from its module (imported for its
 * effect): the settings pages and Node code. The background does not import this; it reads the
 * same index from the extension's package (utils/extension/holiday-files.ts).
 */
import { provideHolidayCodes } from './holiday-codes';
import codes from './holiday-codes.json';

provideHolidayCodes(codes);
