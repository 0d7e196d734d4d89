/** Approved templates that fit the case's category and stage, and the small form for values the case cannot fill. */
import { useState } from 'preact/hooks';
import type { CaseView } from '@/utils/case-view';
import type { PendingTemplate, SidebarActions } from './sidebar-state';
import { t } from './i18n';

export function TemplatePicker({ view, pending, busy, actions }: { view: CaseView; pending?: PendingTemplate; busy: boolean; actions: SidebarActions }) {
  const suggested = view.templates.filter((s) => s.suggested).slice(0, 4);
  return (
    <section class="card" aria-labelledby="templates-heading">
      <h3 id="templates-heading">{t('templates_title', 'Reply with a template')}</h3>
      {pending ? (
        <VariableForm pending={pending} busy={busy} actions={actions} />
      ) : (
        <>
          <ul class="template-list" data-testid="suggested-templates">
            {suggested.map((s) => (
              <li key={s.id}>
                <button type="button" class="template" data-template-id={s.id} disabled={busy} onClick={() => actions.insertTemplate(s.id)}>
                  {s.name}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="link" onClick={actions.openPalette}>
            {t('templates_all', 'All templates… (Alt+Shift+T)')}
          </button>
        </>
      )}
    </section>
  );
}

function VariableForm({ pending, busy, actions }: { pending: PendingTemplate; busy: boolean; actions: SidebarActions }) {
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...pending.values }));
  const complete = pending.missing.every((m) => (values[m.name] ?? '').trim() !== '');
  return (
    <form
      class="subform"
      data-testid="template-values"
      aria-label={t('templates_fill', 'Fill in $1', pending.templateName)}
      onSubmit={(e) => {
        e.preventDefault();
        actions.insertTemplate(pending.templateId, values);
      }}
    >
      <p>{t('templates_missing', '“$1” needs a few values the case does not have:', pending.templateName)}</p>
      {pending.missing.map((m, i) => (
        <label key={m.name}>
          {m.label}
          <input
            required
            autoFocus={i === 0}
            data-variable={m.name}
            value={values[m.name] ?? ''}
            onInput={(e) => setValues({ ...values, [m.name]: e.currentTarget.value })}
          />
        </label>
      ))}
      <div class="actions">
        <button type="submit" disabled={busy || !complete}>{t('templates_insert', 'Insert')}</button>
        <button type="button" onClick={actions.cancelTemplate}>{t('cancel', 'Cancel')}</button>
      </div>
    </form>
  );
}
