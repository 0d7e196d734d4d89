/** Settings as key-value records, with the defaults Caseline ships. */
import type { CaselineDb } from './schema';

export interface CaselineSettings {
  /** Closed cases older than this are purged (sop/004 §10). */
  retentionDays: number;
  /** The agent/team prefix in reference numbers ("AB" in "CMP-AB-0042"). */
  referencePrefix: string;
  /** Follow-ups required before closing without the customer's confirmation. */
  followUpsBeforeClose: number;
  /** Let subjects sync (off by default). */
  shareSubjectOnSync: boolean;
  /** Let agent-written free text sync (off by default). */
  shareNotesOnSync: boolean;
}

export const DEFAULT_SETTINGS: CaselineSettings = {
  retentionDays: 365,
  referencePrefix: 'CL',
  followUpsBeforeClose: 2,
  shareSubjectOnSync: false,
  shareNotesOnSync: false,
};

type SettingValue<K extends string> = K extends keyof CaselineSettings ? CaselineSettings[K] : unknown;

/** A setting's stored value, or its default (undefined for unknown keys never set). */
export async function getSetting<K extends string>(db: CaselineDb, key: K): Promise<SettingValue<K>> {
  const record = await db.get('settings', key);
  if (record) return record.value as SettingValue<K>;
  return (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key] as SettingValue<K>;
}

export async function putSetting<K extends string>(db: CaselineDb, key: K, value: SettingValue<K>): Promise<void> {
  await db.put('settings', { key, value });
}

/** All known settings with defaults filled in. */
export async function getSettings(db: CaselineDb): Promise<CaselineSettings> {
  const records = await db.getAll('settings');
  const stored = Object.fromEntries(records.map((r) => [r.key, r.value]));
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) merged[key] = stored[key];
  return merged as unknown as CaselineSettings;
}
