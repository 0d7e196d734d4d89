/**
 * Data the extension loads on demand, generated from the packages at build time and added to
 * the output by wxt.config.ts (never bundled into a script): public holidays per country and the
 * index of their codes, the classifier's data, the default templates and a fresh install's SLA preset.
 */
import { CLASSIFIER_DATA_PATH, classifierDataFileText } from './classifier-data-file';
import { DEFAULT_PRESET_PATH, defaultPresetFileText } from './default-preset-file';
import { DEFAULT_TEMPLATES_PATH, defaultTemplatesFileText } from './default-templates-file';
import { HOLIDAY_CODES_PATH, holidayCodesFileText } from './holiday-codes-file';
import { holidayCountryCodes, holidayDataAssets, holidayFilePath } from './holidays/holiday-data-files';

export function extensionDataAssets(): Array<{ relativeDest: string; contents: string }> {
  return [
    ...holidayDataAssets(),
    { relativeDest: HOLIDAY_CODES_PATH, contents: holidayCodesFileText() },
    { relativeDest: CLASSIFIER_DATA_PATH, contents: classifierDataFileText() },
    { relativeDest: DEFAULT_TEMPLATES_PATH, contents: defaultTemplatesFileText() },
    { relativeDest: DEFAULT_PRESET_PATH, contents: defaultPresetFileText() },
  ];
}

/** Their paths in the extension, for the types of browser.runtime.getURL. */
export function extensionDataPaths(): string[] {
  return [...holidayCountryCodes().map(holidayFilePath), HOLIDAY_CODES_PATH, CLASSIFIER_DATA_PATH, DEFAULT_TEMPLATES_PATH, DEFAULT_PRESET_PATH].map((path) => `/${path}`);
}
