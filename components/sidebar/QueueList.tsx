/**
 * Open cases across threads, nearest deadline first, in three views of the shared inbox (Mine,
 * Unassigned, Everyone's) with each case's owner; for a lead, the unowned ones about to breach
 * come first. A click opens the thread.
 */
import type { QueueItem } from '@/utils/case-view';
import { formatDueTime, STATE_WORDS } from '@/utils/countdown/describe-countdown';
import { filterQueue, QUEUE_SCOPES, scopeCounts, type QueueScope } from '@/utils/shared-inbox/queue-scope';
import type { ThreadDeadline } from '@/utils/shared-inbox/unassigned-at-risk';
import { categoryWord } from './category-words';
import { t } from './i18n';

const SCOPE_WORDS: Record<QueueScope, () => string> = {
  mine: () => t('queue_mine', 'Mine'),
  unassigned: () => t('queue_unassigned', 'Unassigned'),
  everyone: () => t('queue_everyone', 'Everyone’s'),
};

export interface QueueListProps {
  items: QueueItem[];
  scope: QueueScope;
  atRisk?: ThreadDeadline[];
  onScope: (scope: QueueScope) => void;
  onOpen: (item: QueueItem) => void;
}

export function QueueList({ items, scope, atRisk = [], onScope, onOpen }: QueueListProps) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const counts = scopeCounts(items);
  const shown = filterQueue(items, scope);
  const byCase = new Map(items.map((i) => [i.caseId, i]));
  return (
    <>
      <div class="override" role="group" aria-label={t('queue_scopes', 'Which cases')} data-testid="queue-scopes">
        {QUEUE_SCOPES.map((s) => (
          <button type="button" key={s} class="chip" aria-pressed={scope === s} data-scope={s} onClick={() => onScope(s)}>
            {SCOPE_WORDS[s]()} <span class="muted">{counts[s]}</span>
          </button>
        ))}
      </div>
      {atRisk.length > 0 && (
        <section class="card at-risk" aria-labelledby="at-risk-heading" data-testid="at-risk">
          <h3 id="at-risk-heading">{t('queue_at_risk', 'Nobody owns these, and they are about to breach')}</h3>
          <ul class="plain">
            {atRisk.map((r) => {
              const item = r.caseId ? byCase.get(r.caseId) : undefined;
              const label = `${r.subject || r.reference || t('queue_team_case', 'a teammate’s conversation')} · ${t('sla_due', 'due $1', formatDueTime(r.dueAt, zone))}`;
              return (
                <li key={r.thread}>
                  {item ? (
                    <button type="button" class="link" onClick={() => onOpen(item)}>
                      {label}
                    </button>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {shown.length === 0 ? (
        <p class="empty">{scope === 'mine' ? t('queue_empty_mine', 'Nothing of yours is open.') : scope === 'unassigned' ? t('queue_empty_unassigned', 'Every open case has an owner.') : t('queue_empty', 'No open cases. Well done.')}</p>
      ) : (
        <ul class="queue" data-testid="queue">
          {shown.map((item) => (
            <li key={item.caseId}>
              <button type="button" class={`queue-item state-${item.state ?? 'none'}`} onClick={() => onOpen(item)}>
                <span class={`badge cat-${item.category}`}>{categoryWord(item.category)}</span>
                <span class="subject">{item.subject || t('queue_no_subject', '(no subject)')}</span>
                <span class="when">
                  {item.nextDueAt ? `${item.state ? STATE_WORDS[item.state] : ''} · ${t('sla_due', 'due $1', formatDueTime(item.nextDueAt, zone))}` : t('queue_no_deadline', 'no open deadline')}
                  {' · '}
                  {item.ownerName ? (
                    <span class="owner-tag" title={item.ownerName}>
                      {item.mine ? t('owner_you', 'You') : item.ownerName}
                    </span>
                  ) : (
                    <span class="unassigned">{t('owner_none', 'Unassigned')}</span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
