/** Install settings: the shape, defaults, presets, holidays and whole-object validation. */
export type { AgentSettings, CaselineSettings, HolidaySettings, SyncSettings } from './settings';
export { validateSettings, errorsByField, COUCH_DB_NAME, isValidTimeZone, isIsoDate, isAllowedSyncUrl, MAX_TARGET_AMOUNT, PREFIX_PATTERN, LEAD_MINUTES_RANGE, RETENTION_DAYS_RANGE } from './validate-settings';
export type { SettingsError, SettingsValidation } from './validate-settings';
export { defaultSettings, findPreset, newAgentId, agentIdFromSeed, DEFAULT_PRESET_ID } from './default-settings';
export type { DefaultSettingsOptions } from './default-settings';
export { settingsWithPreset } from './apply-preset';
export { calendarWithHolidays, publicHolidays, holidayYears } from './calendar-holidays';
export { holidayCountries, holidayRegions, isKnownHolidayCountry, isKnownHolidayRegion } from './holiday-regions';
export type { HolidayPlace } from './holiday-regions';
