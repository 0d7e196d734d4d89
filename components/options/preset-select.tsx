/** The procedure the policy starts from; choosing another replaces the targets and hours. */
import { PRESETS } from '../../utils/sla/presets';
import { settingsWithPreset } from '../../utils/settings/apply-preset';
import { SelectField } from '../forms/select-field';
import { t } from '../pages/i18n';
import type { EditorProps } from './editor-props';

export function PresetSelect({ settings, onChange, errors }: EditorProps) {
  const known = PRESETS.some((p) => p.id === settings.presetId);
  return (
    <SelectField
      path="presetId"
      label={t('options_preset', 'Procedure the policy follows')}
      hint={t('options_preset_hint', 'Choosing another procedure replaces the targets and business hours below (your time zone and holidays stay).')}
      value={settings.presetId}
      options={[
        ...(known ? [] : [{ value: settings.presetId, label: t('options_customPolicy', 'Custom policy ($1)', settings.policy.name) }]),
        ...PRESETS.map((p) => ({ value: p.id, label: p.name })),
      ]}
      error={errors['presetId']}
      onValue={(id) => {
        const preset = PRESETS.find((p) => p.id === id);
        if (preset) onChange(settingsWithPreset(settings, preset));
      }}
    />
  );
}
