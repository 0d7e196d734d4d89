/** Said plainly when the mailbox layout cannot be read, with diagnostics to copy (selector names and counts, no mail content). */
import type { AdapterDiagnostics } from '@/utils/mailbox/types';
import { t } from './i18n';

export function HealthNotice({ host, diagnostics, onCopy }: { host: string; diagnostics: AdapterDiagnostics; onCopy: (text: string, what: string) => void }) {
  const report = JSON.stringify({ host, missing: diagnostics.missing, counts: diagnostics.counts, userAgent: navigator.userAgent, at: new Date().toISOString() }, null, 2);
  return (
    <section class="card unreadable" role="alert" data-testid="unreadable">
      <h3>{t('health_title', 'Caseline cannot read this layout')}</h3>
      <p>{t('health_body', '$1 has changed its page in a way Caseline does not recognise yet, so this conversation is not tracked. Your mail is not affected.', host === 'gmail' ? 'Gmail' : 'Outlook')}</p>
      <p class="muted">{t('health_missing', 'Not found: $1', diagnostics.missing.join(', '))}</p>
      <button type="button" onClick={() => onCopy(report, t('health_diagnostics', 'Diagnostics'))}>{t('health_copy', 'Copy diagnostics')}</button>
    </section>
  );
}
