/** Notifications before a breach (on or off, how many minutes ahead) and when a teammate mentions the agent. */
import { CheckboxField } from '../forms/checkbox-field';
import { NumberField } from '../forms/number-field';
import { t } from '../pages/i18n';
import { edited, type EditorProps } from './editor-props';

export function NotificationsEditor({ settings, onChange, errors }: EditorProps) {
  return (
    <>
      <CheckboxField
        path="notifications.enabled"
        label={t('options_notificationsEnabled', 'Notify me before a target is breached')}
        checked={settings.notifications.enabled}
        error={errors['notifications.enabled']}
        onValue={(b) => onChange(edited(settings, (d) => (d.notifications.enabled = b)))}
      />
      <NumberField
        path="notifications.leadMinutes"
        label={t('options_leadMinutes', 'Minutes of warning before a breach')}
        hint={t('options_leadMinutes_hint', 'From 0 to 1440 (one day).')}
        value={settings.notifications.leadMinutes}
        min={0}
        max={1440}
        step={1}
        error={errors['notifications.leadMinutes']}
        onValue={(n) => onChange(edited(settings, (d) => (d.notifications.leadMinutes = n)))}
      />
      <CheckboxField
        path="notifications.mentions"
        label={t('options_notifyMentions', 'Notify me when a teammate mentions me in a note')}
        checked={settings.notifications.mentions}
        error={errors['notifications.mentions']}
        onValue={(b) => onChange(edited(settings, (d) => (d.notifications.mentions = b)))}
      />
    </>
  );
}
