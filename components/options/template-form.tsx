/** Create or edit a template draft; checked with the approval rules before it is saved. */
import { useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../utils/cases/events';
import { editTemplate, newDraft, validateTemplate } from '../../utils/templates/approval';
import { TEMPLATE_LANGUAGES, TEMPLATE_STAGES, type Template, type TemplateLanguage, type TemplateStage } from '../../utils/templates/types';
import { VARIABLE_NAMES } from '../../utils/templates/variables';
import { describedBy, fieldId } from '../forms/field-ids';
import { FieldMessages } from '../forms/field-message';
import { SelectField } from '../forms/select-field';
import { TextField } from '../forms/text-field';
import { t } from '../pages/i18n';
import { categoryName } from './describe-targets';

export function stageName(stage: TemplateStage): string {
  return t(`options_stage_${stage}`, stage.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()));
}

interface Props {
  /** The template being edited, or undefined for a new one. */
  original: Template | undefined;
  onSave: (template: Template) => Promise<string | undefined>;
  onCancel: () => void;
}

export function TemplateForm({ original, onSave, onCancel }: Props) {
  const [name, setName] = useState(original?.name ?? '');
  const [stage, setStage] = useState<TemplateStage>(original?.stage ?? 'acknowledgement');
  const [language, setLanguage] = useState<TemplateLanguage>(original?.language ?? 'en');
  const [categories, setCategories] = useState<Category[]>(original?.categories ?? []);
  const [shortcut, setShortcut] = useState(original?.shortcut ?? '');
  const [body, setBody] = useState(original?.body ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const at = new Date().toISOString();
    const changes = { name: name.trim(), stage, language, categories, body, shortcut: shortcut.trim() === '' ? null : shortcut.trim() };
    const template = original
      ? editTemplate(original, changes, at)
      : newDraft(
          { id: `tpl-${crypto.randomUUID()}`, name: changes.name, stage, language, body, categories, ...(changes.shortcut ? { shortcut: changes.shortcut } : {}) },
          at,
        );
    const found: Record<string, string> = {};
    for (const p of validateTemplate(template)) {
      const key = `template.${p.field}`;
      found[key] = found[key] ? `${found[key]} ${p.message}.` : `${p.message}.`;
    }
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    const problem = await onSave(template);
    setBusy(false);
    setSaveError(problem);
  };

  const toggleCategory = (c: Category, on: boolean) => setCategories((list) => (on ? [...new Set([...list, c])] : list.filter((x) => x !== c)));

  return (
    <form onSubmit={submit} aria-labelledby="template-form-title" class="card" noValidate>
      <h3 id="template-form-title">{original ? t('options_editTemplate', 'Edit “$1”', original.name) : t('options_newTemplate', 'New template')}</h3>
      {original && original.status !== 'draft' ? (
        <p class="muted">{t('options_editMakesDraft', 'Saving makes a new draft (version $1); the approved version stays in use until the draft is approved.', original.version + 1)}</p>
      ) : null}
      <TextField path="template.name" label={t('options_templateName', 'Name')} value={name} maxLength={200} error={errors['template.name']} onValue={setName} />
      <SelectField
        path="template.stage"
        label={t('options_templateStage', 'Stage')}
        value={stage}
        options={TEMPLATE_STAGES.map((s) => ({ value: s, label: stageName(s) }))}
        error={errors['template.stage']}
        onValue={(s) => setStage(s as TemplateStage)}
      />
      <SelectField
        path="template.language"
        label={t('options_templateLanguage', 'Language')}
        value={language}
        options={TEMPLATE_LANGUAGES.map((l) => ({ value: l, label: l === 'en' ? 'English' : 'Español' }))}
        error={errors['template.language']}
        onValue={(l) => setLanguage(l as TemplateLanguage)}
      />
      <fieldset id={fieldId('template.categories')} tabIndex={-1}>
        <legend>{t('options_templateCategories', 'Fits these categories (none ticked: any)')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} class="check">
            <input type="checkbox" checked={categories.includes(c)} onChange={(e) => toggleCategory(c, (e.currentTarget as HTMLInputElement).checked)} />
            {categoryName(c)}
          </label>
        ))}
        <FieldMessages path="template.categories" error={errors['template.categories']} />
      </fieldset>
      <TextField
        path="template.shortcut"
        label={t('options_templateShortcut', 'Palette shortcut (optional)')}
        hint={t('options_templateShortcut_hint', 'One lowercase word, e.g. ack.')}
        value={shortcut}
        maxLength={24}
        spellcheck={false}
        error={errors['template.shortcut']}
        onValue={setShortcut}
      />
      <div class="field" style={{ maxWidth: 'none' }}>
        <label for={fieldId('template.body')}>{t('options_templateBody', 'Text')}</label>
        <textarea
          id={fieldId('template.body')}
          value={body}
          aria-invalid={errors['template.body'] ? 'true' : undefined}
          aria-describedby={describedBy('template.body', true, errors['template.body'])}
          onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <FieldMessages
          path="template.body"
          hint={t('options_templateBody_hint', 'Blank line between paragraphs; [text](https://…) for a link; variables: $1.', VARIABLE_NAMES.map((v) => `{{${v}}}`).join(' '))}
          error={errors['template.body']}
        />
      </div>
      {saveError ? (
        <p class="status error" role="alert">
          {saveError}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('options_saveDraft', 'Save draft')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('options_cancel', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
