/** Who the agent is: name, company, team prefix for reference numbers (with a preview), role and language. */
import { SelectField } from '../forms/select-field';
import { TextField } from '../forms/text-field';
import { t } from '../pages/i18n';
import { edited, type EditorProps } from './editor-props';

/** The reference number a complaint would get, e.g. "CMP-AB-0001". */
export function referencePreview(prefix: string): string {
  const p = prefix.trim().toUpperCase() || 'XX';
  return `CMP-${p}-0001`;
}

export function AgentEditor({ settings, onChange, errors }: EditorProps) {
  return (
    <>
      <TextField
        path="agent.name"
        label={t('options_agentName', 'Your name')}
        hint={t('options_agentName_hint', 'As customers see it in replies; also recorded as the approver of templates.')}
        value={settings.agent.name}
        autoComplete="name"
        maxLength={80}
        error={errors['agent.name']}
        onValue={(s) => onChange(edited(settings, (d) => (d.agent.name = s)))}
      />
      <TextField
        path="agent.email"
        type="email"
        label={t('options_agentEmail', 'Your e-mail address (optional)')}
        value={settings.agent.email ?? ''}
        autoComplete="email"
        error={errors['agent.email']}
        onValue={(s) =>
          onChange(
            edited(settings, (d) => {
              if (s === '') delete d.agent.email;
              else d.agent.email = s;
            }),
          )
        }
      />
      <TextField
        path="company.name"
        label={t('options_companyName', 'Company or organisation name')}
        value={settings.company.name}
        autoComplete="organization"
        maxLength={120}
        error={errors['company.name']}
        onValue={(s) => onChange(edited(settings, (d) => (d.company.name = s)))}
      />
      <TextField
        path="agent.prefix"
        label={t('options_prefix', 'Team prefix for reference numbers')}
        hint={t('options_prefix_hint', '2 to 4 capital letters or digits. Reference numbers will look like $1.', referencePreview(settings.agent.prefix))}
        value={settings.agent.prefix}
        maxLength={4}
        spellcheck={false}
        error={errors['agent.prefix']}
        onValue={(s) => onChange(edited(settings, (d) => (d.agent.prefix = s.toUpperCase())))}
      />
      <p class="muted" aria-live="polite" data-testid="reference-preview">
        {t('options_prefixPreview', 'Preview: $1', referencePreview(settings.agent.prefix))}
      </p>
      <SelectField
        path="role"
        label={t('options_role', 'Role')}
        value={settings.role}
        options={[
          { value: 'agent', label: t('options_role_agent', 'Agent') },
          { value: 'lead', label: t('options_role_lead', 'Team lead (sees the team’s synced records)') },
        ]}
        error={errors['role']}
        onValue={(r) => onChange(edited(settings, (d) => (d.role = r as 'agent' | 'lead')))}
      />
      <SelectField
        path="language"
        label={t('options_language', 'Language of your replies')}
        value={settings.language}
        options={[
          { value: 'en', label: 'English' },
          { value: 'es', label: 'Español' },
        ]}
        error={errors['language']}
        onValue={(l) => onChange(edited(settings, (d) => (d.language = l as 'en' | 'es')))}
      />
    </>
  );
}
