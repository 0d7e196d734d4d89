/**
 * The settings being edited on a page: loaded once from the background, changed locally, and
 * saved in one piece — holidays merged, the whole object validated, then one saveSettings.
 * Nothing is sent while any field is wrong.
 */
import { useEffect, useState } from 'preact/hooks';
import { calendarWithHolidays, holidayYears } from '../../utils/settings/calendar-holidays';
import { defaultSettings } from '../../utils/settings/default-settings';
import type { CaselineSettings } from '../../utils/settings/settings';
import { errorsByField, validateSettings, type SettingsError } from '../../utils/settings/validate-settings';
import { loadCountryHolidays } from '../../utils/extension/holiday-files';
import { ask } from '../pages/ask-background';

export type SaveOutcome = { ok: true; settings: CaselineSettings } | { ok: false; problems: SettingsError[]; error?: string };

export interface SettingsDraft {
  draft: CaselineSettings | undefined;
  setDraft: (next: CaselineSettings) => void;
  /** Problems of the last refused save, in order, and by field. */
  problems: SettingsError[];
  errors: Record<string, string>;
  loadError: string | undefined;
  /** Bumped on every refused save so the summary takes focus again. */
  attempt: number;
  save: (change?: (s: CaselineSettings) => CaselineSettings) => Promise<SaveOutcome>;
  reload: () => Promise<CaselineSettings | undefined>;
  saving: boolean;
}

/** Loads the country's public holidays (needed to save the calendar); a sentence when they cannot be read. */
export async function settledHolidays(country: string): Promise<string | undefined> {
  try {
    await loadCountryHolidays(country);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function useSettingsDraft(prepare?: (loaded: CaselineSettings) => CaselineSettings): SettingsDraft {
  const [draft, setDraft] = useState<CaselineSettings | undefined>();
  const [problems, setProblems] = useState<SettingsError[]>([]);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);

  const reload = async () => {
    const reply = await ask('getSettings', {});
    if (reply.ok) {
      setLoadError(undefined);
      return reply.value;
    }
    setLoadError(reply.error);
    return undefined;
  };

  useEffect(() => {
    void (async () => {
      const loaded = (await reload()) ?? defaultSettings(new Date());
      setDraft(prepare ? prepare(loaded) : loaded);
    })();
  }, []);

  const refuse = (found: SettingsError[], error?: string): SaveOutcome => {
    setProblems(found);
    setAttempt((n) => n + 1);
    return error === undefined ? { ok: false, problems: found } : { ok: false, problems: found, error };
  };

  const save = async (change?: (s: CaselineSettings) => CaselineSettings): Promise<SaveOutcome> => {
    if (!draft) return refuse([{ field: '(settings)', message: 'The settings have not loaded yet.' }]);
    const changed = change ? change(draft) : draft;
    const loaded = await settledHolidays(changed.holidays.country);
    if (loaded !== undefined) return refuse([{ field: 'holidays.country', message: loaded }]);
    const candidate = calendarWithHolidays(changed, holidayYears(new Date()));
    const checked = validateSettings(candidate);
    if (!checked.ok) return refuse(checked.errors);
    setSaving(true);
    const reply = await ask('saveSettings', { settings: checked.value });
    setSaving(false);
    if (!reply.ok) {
      const fields = reply.fields ?? [];
      return refuse(fields.length > 0 ? fields : [{ field: '(settings)', message: reply.error }], reply.error);
    }
    setProblems([]);
    setDraft(reply.value);
    return { ok: true, settings: reply.value };
  };

  return { draft, setDraft, problems, errors: errorsByField(problems), loadError, attempt, save, reload, saving };
}
