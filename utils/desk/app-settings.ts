/**
 * The install's settings in the database: the whole validated object under one key, and the
 * few values the database itself uses (reference prefix, retention, follow-ups before closing,
 * subjects on sync) beside it, written in the same transaction. Nothing is saved half-way.
 */
import type { CaselineDb } from '../db/schema';
import { defaultSettings } from '../settings/default-settings';
import type { CaselineSettings } from '../settings/settings';
import { validateSettings, type SettingsError } from '../settings/validate-settings';

const APP_KEY = 'app';

export async function loadAppSettings(db: CaselineDb, now: Date, seed?: string): Promise<CaselineSettings> {
  const stored = (await db.get('settings', APP_KEY))?.value;
  if (stored) {
    const checked = validateSettings(stored);
    if (checked.ok) return checked.value;
  }
  // First run: keep the defaults (and so the agent id) stable across worker restarts.
  const defaults = defaultSettings(now, undefined, seed !== undefined ? { seed } : {});
  await saveAppSettings(db, defaults);
  return defaults;
}

export async function saveAppSettings(db: CaselineDb, input: unknown): Promise<{ ok: true; value: CaselineSettings } | { ok: false; errors: SettingsError[] }> {
  const checked = validateSettings(input);
  if (!checked.ok) return checked;
  const s = checked.value;
  const tx = db.transaction('settings', 'readwrite');
  await Promise.all([
    tx.store.put({ key: APP_KEY, value: s }),
    tx.store.put({ key: 'referencePrefix', value: s.agent.prefix }),
    tx.store.put({ key: 'retentionDays', value: s.privacy.retentionDays }),
    tx.store.put({ key: 'followUpsBeforeClose', value: s.policy.followUpsBeforeClose }),
    tx.store.put({ key: 'shareSubjectOnSync', value: s.privacy.syncSubjects }),
    tx.done,
  ]);
  return { ok: true, value: s };
}
