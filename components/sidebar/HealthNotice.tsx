/**
 * Said plainly when the mailbox layout cannot be read: which fact Caseline cannot find, in a
 * sentence per host, and "Copy a layout report" (the page's structure only, no mail content) for a
 * bug report. When copying is refused, the report is shown in a text box to select and copy.
 * Blocking: the thread cannot be tracked. Otherwise a short note above the case: what is left out.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { MailFact } from '@/utils/mailbox/strategy-chain';
import { t } from './i18n';

const FACT_SENTENCES: Partial<Record<MailFact, string>> = {
  messages: "Caseline can't find the messages of this thread in this $1 layout.",
  threadId: "Caseline can't tell which conversation this is in this $1 layout.",
  sender: "Caseline can't find who sent the messages of this thread in this $1 layout.",
  subject: "Caseline can't find the subject of this thread in this $1 layout.",
  time: "Caseline can't find when the messages of this thread were sent in this $1 layout.",
  text: "Caseline can't find the text of the messages of this thread in this $1 layout.",
};

/** The sentence naming a missing fact for a host ("… in this Gmail layout."). */
export function missingFactSentence(fact: MailFact, host: 'gmail' | 'outlook'): string {
  const fallback = FACT_SENTENCES[fact] ?? FACT_SENTENCES.messages!;
  return t(`health_fact_${FACT_SENTENCES[fact] ? fact : 'messages'}`, fallback, host === 'gmail' ? 'Gmail' : 'Outlook');
}

export interface HealthNoticeProps {
  host: 'gmail' | 'outlook';
  /** The facts not found, most important first. */
  missing: readonly MailFact[];
  /** True when the thread cannot be tracked at all. */
  blocking: boolean;
  /** The report to select and copy by hand (shown when the browser refused to copy it). */
  report?: string;
  onCopyReport: () => void;
}

export function HealthNotice({ host, missing, blocking, report, onCopyReport }: HealthNoticeProps) {
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (report !== undefined) box.current?.select();
  }, [report]);
  const facts = missing.filter((fact) => FACT_SENTENCES[fact] !== undefined);
  const shown = facts.length > 0 ? facts : (['messages'] as const);
  return (
    <section class={`card ${blocking ? 'unreadable' : 'layout-gaps'}`} role={blocking ? 'alert' : 'status'} data-testid={blocking ? 'unreadable' : 'layout-gaps'}>
      {blocking && <h3>{t('health_title', 'Caseline cannot read this conversation')}</h3>}
      {shown.map((fact) => (
        <p key={fact} class="missing-fact" data-fact={fact}>
          {missingFactSentence(fact, host)}
        </p>
      ))}
      <p class="muted">
        {blocking
          ? t('health_body', 'It is not tracked until Caseline can read it. Your mail is not affected.')
          : t('health_gap_body', 'Caseline leaves this out below rather than guess.')}
      </p>
      <button type="button" class="copy-report" onClick={onCopyReport}>
        {t('health_report', 'Copy a layout report')}
      </button>
      <p class="muted small">{t('health_report_hint', 'The report describes the page’s structure only: no text, address or id from your mail. Attach it to a bug report.')}</p>
      {report !== undefined && (
        <label class="report-box">
          {t('health_report_manual', 'The browser did not allow copying. Select the report below and copy it.')}
          <textarea ref={box} readOnly rows={8} value={report} data-testid="layout-report" />
        </label>
      )}
    </section>
  );
}
