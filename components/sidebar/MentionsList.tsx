/** Notes in which teammates mentioned the agent, newest first; a click opens the conversation. */
import type { MentionView } from '@/utils/shared-inbox/case-team-view';
import { formatDueTime } from '@/utils/countdown/describe-countdown';
import { t } from './i18n';

export function MentionsList({ mentions, host, onOpen }: { mentions: MentionView[]; host: 'gmail' | 'outlook'; onOpen: (m: MentionView) => void }) {
  if (mentions.length === 0) return <p class="empty">{t('mentions_empty', 'Nobody has mentioned you in a note yet.')}</p>;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <ul class="queue" data-testid="mentions">
      {mentions.map((m) => {
        const openable = m.threadId !== undefined && m.host === host;
        return (
          <li key={m.id}>
            <button type="button" class={`queue-item mention-item${m.seen ? '' : ' unseen'}`} disabled={!openable} onClick={() => onOpen(m)}>
              <span class="subject">
                <strong>{m.name}</strong> · {m.subject || (m.threadId ? t('queue_no_subject', '(no subject)') : t('mentions_unknown_thread', 'a conversation this browser has not opened yet'))}
              </span>
              <span class="when">{formatDueTime(m.at, zone)}</span>
              <span class="note-text">{m.text}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
