/** The team's time zone, chosen from the zones this browser knows. */
import { SelectField } from '../forms/select-field';
import { t } from '../pages/i18n';
import { edited, type EditorProps } from './editor-props';

let zones: string[] | undefined;
export function knownTimeZones(): string[] {
  if (!zones) {
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = [...new Set(['UTC', ...list])].sort();
  }
  return zones;
}

export function TimeZoneSelect({ settings, onChange, errors }: EditorProps) {
  const current = settings.policy.calendar.timeZone;
  const list = knownTimeZones().includes(current) || current === '' ? knownTimeZones() : [current, ...knownTimeZones()];
  return (
    <SelectField
      path="policy.calendar.timeZone"
      label={t('options_timeZone', 'Time zone')}
      hint={t('options_timeZone_hint', 'Business hours and deadlines are counted in this zone.')}
      value={current}
      options={list.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
      error={errors['policy.calendar.timeZone']}
      onValue={(z) => onChange(edited(settings, (d) => (d.policy.calendar.timeZone = z)))}
    />
  );
}
