/**
 * The trainee's answer for one thread: category, escalation and the best template (the approved
 * English default library, grouped by stage) with a preview filled with sample values. Locked
 * once submitted. Missing choices are named in an alert and focus goes to the first of them.
 */
import { useRef, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../utils/cases/events';
import type { PracticeAnswer } from '../../utils/practice/score';
import type { PracticeThread } from '../../utils/practice/types';
import { TEMPLATE_STAGES, type Template } from '../../utils/templates/types';
import { CATEGORY_HINT, CATEGORY_LABEL, STAGE_LABEL } from './practice-words';
import { TemplatePreview } from './template-preview';

export interface AnswerDraft {
  category?: Category;
  escalate?: boolean;
  templateId?: string;
}

export interface AnswerFormProps {
  thread: PracticeThread;
  templates: readonly Template[];
  draft: AnswerDraft;
  onDraft: (draft: AnswerDraft) => void;
  /** Set once the answer is submitted: the form shows it, read-only. */
  locked: boolean;
  onSubmit: (answer: PracticeAnswer) => void;
  timeZone: string;
  now: string;
}

type Missing = 'category' | 'escalate' | 'template';

const MISSING_TEXT: Record<Missing, string> = {
  category: 'Choose the category.',
  escalate: 'Say whether the case must be escalated.',
  template: 'Choose the template for the next reply.',
};

const FIRST_CONTROL: Record<Missing, string> = {
  category: 'answer-category-inquiry',
  escalate: 'answer-escalate-yes',
  template: 'answer-template',
};

export function AnswerForm({ thread, templates, draft, onDraft, locked, onSubmit, timeZone, now }: AnswerFormProps) {
  const [missing, setMissing] = useState<Missing[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const chosen = templates.find((t) => t.id === draft.templateId);
  const byStage = TEMPLATE_STAGES.map((stage) => ({ stage, list: templates.filter((t) => t.stage === stage) })).filter((g) => g.list.length > 0);

  const submit = (event: Event) => {
    event.preventDefault();
    if (locked) return;
    const gaps: Missing[] = [];
    if (!draft.category) gaps.push('category');
    if (draft.escalate === undefined) gaps.push('escalate');
    if (!chosen) gaps.push('template');
    setMissing(gaps);
    if (gaps.length > 0 || !draft.category || draft.escalate === undefined || !chosen) {
      queueMicrotask(() => summary.current?.focus());
      return;
    }
    onSubmit({ category: draft.category, escalate: draft.escalate, templateStage: chosen.stage });
  };

  const update = (next: AnswerDraft) => {
    onDraft(next);
    if (missing.length > 0) {
      setMissing(missing.filter((m) => (m === 'category' ? !next.category : m === 'escalate' ? next.escalate === undefined : !next.templateId)));
    }
  };

  const invalid = (m: Missing) => (missing.includes(m) ? 'true' : undefined);

  return (
    <section class="answer" aria-labelledby="answer-title">
      <h2 id="answer-title">Your answer</h2>
      {missing.length > 0 ? (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary} data-testid="answer-errors">
          <h3>Before you submit</h3>
          <ul>
            {missing.map((m) => (
              <li key={m}>
                <a
                  href={`#${FIRST_CONTROL[m]}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(FIRST_CONTROL[m])?.focus();
                  }}
                >
                  {MISSING_TEXT[m]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate data-testid="answer-form">
        <fieldset disabled={locked} class="answer-fields">
          <legend class="visually-hidden">{`Answer for “${thread.subject}”`}</legend>
          <fieldset class={`choice-group${invalid('category') ? ' invalid' : ''}`} aria-describedby="category-help">
            <legend>1. What kind of message is it?</legend>
            <p id="category-help" class="muted">
              Judge the customer's newest message, with the history in mind.
            </p>
            {CATEGORIES.map((c) => (
              <div class="choice" key={c}>
                <input
                  type="radio"
                  id={`answer-category-${c}`}
                  name="category"
                  value={c}
                  checked={draft.category === c}
                  onChange={() => update({ ...draft, category: c })}
                  data-testid={`category-${c}`}
                  aria-describedby={`answer-category-${c}-hint`}
                />
                <label for={`answer-category-${c}`}>{CATEGORY_LABEL[c]}</label>
                <span id={`answer-category-${c}-hint`} class="muted choice-hint">
                  {CATEGORY_HINT[c]}
                </span>
              </div>
            ))}
          </fieldset>
          <fieldset class={`choice-group${invalid('escalate') ? ' invalid' : ''}`} aria-describedby="escalate-help">
            <legend>2. Must it go to a supervisor now?</legend>
            <p id="escalate-help" class="muted">
              Escalate legal or regulatory threats, safety risks and disputes beyond an agent's authority.
            </p>
            {[true, false].map((yes) => {
              const id = `answer-escalate-${yes ? 'yes' : 'no'}`;
              return (
                <div class="choice" key={id}>
                  <input
                    type="radio"
                    id={id}
                    name="escalate"
                    value={yes ? 'yes' : 'no'}
                    checked={draft.escalate === yes}
                    onChange={() => update({ ...draft, escalate: yes })}
                    data-testid={yes ? 'escalate-yes' : 'escalate-no'}
                  />
                  <label for={id}>{yes ? 'Yes, escalate' : 'No, keep it in the normal queue'}</label>
                </div>
              );
            })}
          </fieldset>
          <div class="field template-field">
            <label for="answer-template">3. Which template fits the next reply best?</label>
            <span id="answer-template-hint" class="hint">
              The approved library, grouped by the moment of the case each template is written for.
            </span>
            <select
              id="answer-template"
              name="template"
              value={draft.templateId ?? ''}
              aria-invalid={invalid('template')}
              aria-describedby="answer-template-hint"
              data-testid="template-select"
              onChange={(e) => update({ ...draft, templateId: (e.currentTarget as HTMLSelectElement).value || undefined })}
            >
              <option value="">Choose a template…</option>
              {byStage.map(({ stage, list }) => (
                <optgroup key={stage} label={STAGE_LABEL[stage]}>
                  {list.map((t) => (
                    <option key={t.id} value={t.id} data-stage={t.stage}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </fieldset>
        {chosen ? <TemplatePreview template={chosen} thread={thread} category={draft.category} timeZone={timeZone} now={now} /> : null}
        {locked ? null : (
          <div class="actions">
            <button type="submit" class="primary" data-testid="submit-answer">
              Check my answer
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
