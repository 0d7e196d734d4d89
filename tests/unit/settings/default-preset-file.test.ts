/**
 * The background makes a fresh install's settings from the preset file the build writes
 * (sla/default-preset.json), not from the presets module: the same settings must come out.
 */
import { describe, expect, it } from 'vitest';
import { defaultPresetFileText } from '../../../scripts/default-preset-file';
import { defaultPresetFromText } from '../../../utils/extension/default-preset-file';
import { defaultSettings, DEFAULT_PRESET_ID } from '../../../utils/settings/default-settings';
import { settingsFromPreset } from '../../../utils/settings/settings-from-preset';
import { validateSettings } from '../../../utils/settings/validate-settings';

describe('default preset file', () => {
  it('holds procedure 000’s preset, and the settings made from it are the defaults, valid', () => {
    const now = new Date('2026-12-04T10:00:00Z');
    const preset = defaultPresetFromText(defaultPresetFileText());
    expect(preset.id).toBe(DEFAULT_PRESET_ID);
    const fromFile = settingsFromPreset(preset, now, { seed: 'x', timeZone: 'Europe/London' });
    expect(fromFile).toEqual(defaultSettings(now, undefined, { seed: 'x', timeZone: 'Europe/London' }));
    expect(validateSettings(fromFile).ok).toBe(true);
  });

  it('refuses a file that is not a preset', () => {
    expect(() => defaultPresetFromText('{}')).toThrow(/not usable/);
    expect(() => defaultPresetFromText('null')).toThrow(/not usable/);
  });
});
