/**
 * The install's settings in the database: the whole validated object under one key, and the
 * few values the database itself uses (reference prefix, retention, follow-ups before closing,
 * subjects on sync) beside it, written in the same transaction. Nothing is saved half-way.
 */
import type { CaselineDb } from '../db/schema';
import type { CaselineSettings } from '../settings/settings';
import { settingsFromPreset } from '../settings/settings-from-preset';
import type { SlaPolicy } from '../sla/types';
import { validateSettings, type SettingsError } from '../settings/validate-settings';

const APP_KEY = 'app';

/**
 * Where a fresh install's preset comes from (procedure 000's). The background reads it from the
 * extension's package (`sla/default-preset.json`, written at build time from utils/sla/presets.ts)
 * the first time it has no settings; Node code and tests provide it from the module
 * (`./bundled-default-preset`).
 */
export type DefaultPresetSource = () => Promise<SlaPolicy>;

let presetSource: DefaultPresetSource | undefined;

export function provideDefaultPreset(source: DefaultPresetSource): void {
  presetSource = source;
}

export async function loadAppSettings(db: CaselineDb, now: Date, seed?: string): Promise<CaselineSettings> {
  const stored = (await db.get('settings', APP_KEY))?.value;
  if (stored) {
    const checked = validateSettings(stored);
    if (checked.ok) return checked.value;
  }
  // First run: keep the defaults (and so the agent id) stable across worker restarts.
  if (!presetSource) throw new Error("Caseline's default SLA preset has no source: a wiring mistake.");
  const defaults = settingsFromPreset(await presetSource(), now, seed !== undefined ? { seed } : {});
  const saved = await saveAppSettings(db, defaults);
  if (!saved.ok) throw new Error(`Caseline's default settings are not valid: ${saved.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  return saved.value;
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
