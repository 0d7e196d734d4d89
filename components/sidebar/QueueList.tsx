/** My open cases across threads, nearest deadline first; a click opens the thread. */
import type { QueueItem } from '@/utils/case-view';
import { formatDueTime, STATE_WORDS } from '@/utils/countdown/describe-countdown';
import { categoryWord } from './category-words';
import { t } from './i18n';

export function QueueList({ items, onOpen }: { items: QueueItem[]; onOpen: (item: QueueItem) => void }) {
  if (items.length === 0) return <p class="empty">{t('queue_empty', 'No open cases. Well done.')}</p>;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <ul class="queue" data-testid="queue">
      {items.map((item) => (
        <li key={item.caseId}>
          <button type="button" class={`queue-item state-${item.state ?? 'none'}`} onClick={() => onOpen(item)}>
            <span class={`badge cat-${item.category}`}>{categoryWord(item.category)}</span>
            <span class="subject">{item.subject || t('queue_no_subject', '(no subject)')}</span>
            <span class="when">
              {item.nextDueAt ? `${item.state ? STATE_WORDS[item.state] : ''} · ${t('sla_due', 'due $1', formatDueTime(item.nextDueAt, zone))}` : t('queue_no_deadline', 'no open deadline')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
