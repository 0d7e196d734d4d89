/** The case's recorded history: who did what, when (newest first). */
import type { CaseView } from '@/utils/case-view';
import { formatDueTime } from '@/utils/countdown/describe-countdown';
import { t } from './i18n';

const WORDS: Record<string, string> = {
  received: 'Customer wrote',
  customer_replied: 'Customer replied',
  acknowledged: 'Acknowledged',
  responded: 'Answered',
  awaiting_customer: 'Waiting on customer',
  escalated: 'Escalated',
  escalation_updated: 'Escalation update',
  resolved: 'Resolved',
  followed_up: 'Followed up',
  closed: 'Closed',
  reopened: 'Reopened',
  category_set: 'Category set',
  template_inserted: 'Template inserted',
  outcome_recorded: 'Outcome recorded',
  claimed: 'Claimed',
  assigned: 'Assigned',
  handed_on: 'Handed on',
  released: 'Released',
};

export function CaseHistory({ view }: { view: CaseView }) {
  if (view.history.length === 0) return null;
  return (
    <details class="card">
      <summary>
        <h3 class="inline-heading">{t('history_title', 'History')}</h3> <span class="muted">({view.history.length})</span>
      </summary>
      <ol class="history" reversed>
        {[...view.history].reverse().map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <time dateTime={h.at}>{formatDueTime(h.at, view.agentTimeZone)}</time> {WORDS[h.type] ?? h.type}
            {h.note ? `: ${h.note}` : ''} <span class="muted">· {h.actor}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
