/** The lifecycle buttons the case's stage allows, with the small forms some of them need. */
import { useState } from 'preact/hooks';
import type { CaseView } from '@/utils/case-view';
import type { CaseCommand, CaseCommandType } from '@/utils/cases/lifecycle';
import { RESOLUTION_CODES, RESOLUTION_LABELS, type ResolutionCode } from '@/utils/cases/outcome';
import { t } from './i18n';

type FormKind = 'escalate' | 'resolve' | 'close' | null;

const SIMPLE: Partial<Record<CaseCommandType, () => string>> = {
  acknowledge: () => t('action_acknowledge', 'Acknowledge'),
  awaitCustomer: () => t('action_await', 'Waiting on customer'),
  updateEscalation: () => t('action_update_escalation', 'Escalation update sent'),
  followUp: () => t('action_follow_up', 'Follow-up sent'),
  reopen: () => t('action_reopen', 'Reopen'),
};

export function LifecycleActions({ view, busy, onCommand }: { view: CaseView; busy: boolean; onCommand: (c: CaseCommand) => void }) {
  const [form, setForm] = useState<FormKind>(null);
  const [reason, setReason] = useState('');
  const [to, setTo] = useState('');
  const [code, setCode] = useState<ResolutionCode>('answered');
  const [summary, setSummary] = useState('');
  const [satisfied, setSatisfied] = useState<'yes' | 'no'>('yes');
  const has = (a: CaseCommandType) => view.actions.includes(a);
  const submit = (command: CaseCommand) => {
    onCommand(command);
    setForm(null);
    setReason('');
    setSummary('');
  };
  return (
    <section class="card" aria-labelledby="actions-heading">
      <h3 id="actions-heading">{t('actions_title', 'Next step')}</h3>
      <div class="actions" data-testid="actions">
        {(Object.keys(SIMPLE) as CaseCommandType[]).filter(has).map((a) => (
          <button type="button" key={a} data-action={a} disabled={busy} onClick={() => onCommand({ type: a } as CaseCommand)}>
            {SIMPLE[a]?.()}
          </button>
        ))}
        {has('escalate') && (
          <button type="button" data-action="escalate" aria-expanded={form === 'escalate'} disabled={busy} onClick={() => setForm(form === 'escalate' ? null : 'escalate')}>
            {t('action_escalate', 'Escalate…')}
          </button>
        )}
        {has('resolve') && (
          <button type="button" data-action="resolve" aria-expanded={form === 'resolve'} disabled={busy} onClick={() => setForm(form === 'resolve' ? null : 'resolve')}>
            {t('action_resolve', 'Resolve…')}
          </button>
        )}
        {has('close') && (
          <button type="button" data-action="close" aria-expanded={form === 'close'} disabled={busy} onClick={() => setForm(form === 'close' ? null : 'close')}>
            {t('action_close', 'Close…')}
          </button>
        )}
      </div>
      {form === 'escalate' && (
        <form
          class="subform"
          aria-label={t('action_escalate_form', 'Escalate the case')}
          onSubmit={(e) => {
            e.preventDefault();
            submit({ type: 'escalate', reason: reason.trim(), to: to.trim() });
          }}
        >
          <label>
            {t('escalate_to', 'To whom (person or team)')}
            <input required value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <label>
            {t('escalate_reason', 'Reason')}
            <textarea required rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={busy || !reason.trim() || !to.trim()}>{t('escalate_submit', 'Escalate')}</button>
        </form>
      )}
      {form === 'resolve' && (
        <form
          class="subform"
          aria-label={t('action_resolve_form', 'Resolve the case')}
          onSubmit={(e) => {
            e.preventDefault();
            submit({ type: 'resolve', code, summary: summary.trim() });
          }}
        >
          <label>
            {t('resolve_code', 'Resolution')}
            <select value={code} onChange={(e) => setCode(e.currentTarget.value as ResolutionCode)}>
              {RESOLUTION_CODES.map((c) => (
                <option key={c} value={c}>{RESOLUTION_LABELS[c]}</option>
              ))}
            </select>
          </label>
          <label>
            {t('resolve_summary', 'Short summary')}
            <textarea required rows={2} maxLength={500} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={busy || !summary.trim()}>{t('resolve_submit', 'Resolve')}</button>
        </form>
      )}
      {form === 'close' && (
        <form
          class="subform"
          aria-label={t('action_close_form', 'Close the case')}
          onSubmit={(e) => {
            e.preventDefault();
            submit(satisfied === 'yes' ? { type: 'close', satisfied: true } : { type: 'close', satisfied: false, reason: reason.trim() });
          }}
        >
          <fieldset>
            <legend>{t('close_satisfied', 'Did the customer confirm they are satisfied?')}</legend>
            <label class="inline">
              <input type="radio" name="satisfied" checked={satisfied === 'yes'} onChange={() => setSatisfied('yes')} /> {t('yes', 'Yes')}
            </label>
            <label class="inline">
              <input type="radio" name="satisfied" checked={satisfied === 'no'} onChange={() => setSatisfied('no')} /> {t('no', 'No')}
            </label>
          </fieldset>
          {satisfied === 'no' && (
            <label>
              {t('close_reason', 'Reason for closing (e.g. no answer after the follow-ups)')}
              <textarea required rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
          )}
          <button type="submit" disabled={busy || (satisfied === 'no' && !reason.trim())}>{t('close_submit', 'Close case')}</button>
        </form>
      )}
    </section>
  );
}
