/**
 * Data the extension loads on demand, generated from the packages at build time and added to
 * the output by wxt.config.ts (never bundled into a script): public holidays per country and the
 * classifier's data.
 */
import { CLASSIFIER_DATA_PATH, classifierDataFileText } from './classifier-data-file';
import { holidayCountryCodes, holidayDataAssets, holidayFilePath } from './holidays/holiday-data-files';

export function extensionDataAssets(): Array<{ relativeDest: string; contents: string }> {
  return [...holidayDataAssets(), { relativeDest: CLASSIFIER_DATA_PATH, contents: classifierDataFileText() }];
}

/** Their paths in the extension, for the types of browser.runtime.getURL. */
export function extensionDataPaths(): string[] {
  return [...holidayCountryCodes().map(holidayFilePath), CLASSIFIER_DATA_PATH].map((path) => `/${path}`);
}
