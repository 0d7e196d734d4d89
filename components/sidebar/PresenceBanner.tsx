/**
 * Who else is on this conversation right now: "Ana is replying — 2 min". Re-rendered by the
 * shared ticker; a teammate whose record has expired disappears even before the next update.
 */
import { describePresence, PRESENCE_EXPIRY_MS, type PresenceForTab } from '@/utils/shared-inbox/presence';
import { useNow } from './shared-ticker';
import { t } from './i18n';

export function PresenceBanner({ presence }: { presence: PresenceForTab | undefined }) {
  const now = useNow();
  if (!presence) return null;
  if (presence.status === 'offline') {
    return (
      <p class="presence offline" role="status" data-testid="presence">
        {t('presence_offline', 'You are offline: teammates cannot see that you are here, and you cannot see them.')}
      </p>
    );
  }
  if (presence.status === 'unavailable') {
    return (
      <p class="presence offline" role="status" data-testid="presence">
        {t('presence_unavailable', 'The team server cannot be reached: whether a teammate is on this conversation is unknown.')}
      </p>
    );
  }
  const others = presence.others.filter((o) => now - Date.parse(o.seenAt) <= PRESENCE_EXPIRY_MS);
  if (others.length === 0) return null;
  const replying = others.some((o) => o.state === 'replying');
  return (
    <div class={`presence ${replying ? 'replying' : 'viewing'}`} role="status" aria-live="polite" data-testid="presence">
      <ul>
        {others.map((o) => (
          <li key={o.by} data-state={o.state}>
            {describePresence(o, now)}
          </li>
        ))}
      </ul>
      {replying && <p class="small">{t('presence_replying_hint', 'Agree who answers before you write: the customer should get one reply.')}</p>}
    </div>
  );
}
