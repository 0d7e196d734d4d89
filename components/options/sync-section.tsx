/**
 * Team sync: server, database and user; the password is handed once to the background, which
 * exchanges it for a CouchDB session cookie and does not keep it. The server's origin is asked
 * for as an optional host permission in the click itself (browsers require a user gesture).
 */
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import type { TeamView } from '../../utils/desk/team-publications';
import type { LiveStatus, SyncStatus } from '../../utils/messages';
import type { CaselineSettings } from '../../utils/settings/settings';
import { COUCH_DB_NAME, isAllowedSyncUrl } from '../../utils/settings/validate-settings';
import { hostPermissionPattern } from '../../utils/sync/server-url';
import { fieldId } from '../forms/field-ids';
import { TextField } from '../forms/text-field';
import { ask } from '../pages/ask-background';
import { t, uiLanguage } from '../pages/i18n';

/** The host permission pattern for a server URL (ports are not part of match patterns). */
export const originPattern = hostPermissionPattern;

function when(iso: string | undefined): string {
  if (!iso) return t('options_never', 'never');
  try {
    return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
  } catch {
    return iso;
  }
}

interface Props {
  sync: CaselineSettings['sync'];
  /** The live feed's state, as the background tells the page. */
  live?: LiveStatus;
  /** The team's library and settings (for the team settings block). */
  team?: TeamView | undefined;
  onTeam?: (view: TeamView) => void;
  /** Called after connecting or disconnecting, so the page reloads the stored sync settings. */
  onChanged: () => void;
}

function liveWords(live: LiveStatus | undefined): string {
  if (!live || live.state === 'off') return t('options_liveOff', 'Not following the server right now (it syncs every minute and on every change).');
  if (live.state === 'connecting') return t('options_liveConnecting', 'Connecting…');
  if (live.state === 'live') return t('options_liveOn', 'Following the team server: changes arrive within seconds.');
  return t('options_liveRetrying', 'The server did not answer ($1); trying again at $2.', [live.error, when(live.retryAt)]);
}

/** A status row listing records with why (at most 20), or nothing when there are none. */
function ReasonList({ title, items }: { title: string; items: ReadonlyArray<{ id: string; reason: string }> }) {
  if (items.length === 0) return null;
  return (
    <>
      <dt>{title}</dt>
      <dd>
        <ul>
          {items.slice(0, 20).map((r) => (
            <li key={r.id}>
              {r.id}: {r.reason}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

export function SyncSection({ sync, live, team, onTeam, onChanged }: Props) {
  const [url, setUrl] = useState(sync.url);
  const [db, setDb] = useState(sync.db || 'caseline');
  const [user, setUser] = useState(sync.user);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    const reply = await ask('syncStatus', {});
    if (reply.ok) setStatus(reply.value);
  };
  useEffect(() => {
    void refresh();
  }, []);

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!isAllowedSyncUrl(url)) found['sync.url'] = t('options_syncUrl_invalid', 'The server address must start with https:// (plain http:// only for 127.0.0.1 or localhost).');
    if (!COUCH_DB_NAME.test(db.trim())) found['sync.db'] = t('options_syncDb_invalid', 'The database name must start with a lowercase letter and use only lowercase letters, digits and _$()+-/.');
    if (user.trim() === '') found['sync.user'] = t('options_syncUser_invalid', 'Enter the user name for the team server.');
    if (password === '') found['sync.password'] = t('options_syncPassword_invalid', 'Enter the password (it is not stored).');
    return found;
  };

  const connect = (e: Event) => {
    e.preventDefault();
    const found = check();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    // First thing after the click: the permission prompt needs the user gesture.
    const granted = browser.permissions.request({ origins: [originPattern(url)] });
    setBusy(true);
    void (async () => {
      try {
        if (!(await granted)) {
          setMessage({ kind: 'error', text: t('options_syncDenied', 'Caseline was not allowed to reach $1, so nothing was connected.', new URL(url.trim()).origin) });
          return;
        }
        const reply = await ask('syncConnect', { url: url.trim(), db: db.trim(), user: user.trim(), password });
        setPassword('');
        if (reply.ok) {
          setStatus(reply.value);
          setMessage({ kind: 'ok', text: t('options_syncConnected', 'Connected. Records will sync in the background.') });
          onChanged();
        } else {
          const fieldErrors: Record<string, string> = {};
          for (const f of reply.fields ?? []) fieldErrors[f.field.startsWith('sync.') ? f.field : `sync.${f.field}`] = f.message;
          setErrors(fieldErrors);
          setMessage({ kind: 'error', text: reply.error });
        }
      } catch (error) {
        setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
      } finally {
        setBusy(false);
      }
    })();
  };

  const publishSettings = async () => {
    setBusy(true);
    const reply = await ask('publishSettings', {});
    setBusy(false);
    if (reply.ok) {
      onTeam?.(reply.value);
      setMessage({ kind: 'ok', text: t('options_settingsPublished', 'Your saved SLA policy, calendar and holidays are now the team’s (version $1): every agent works by them from their next sync.', reply.value.settings.inForce?.version ?? '') });
      void refresh();
    } else setMessage({ kind: 'error', text: reply.error });
  };

  const run = async (type: 'syncNow' | 'syncDisconnect') => {
    setBusy(true);
    const reply = await ask(type, {});
    setBusy(false);
    if (reply.ok) {
      setStatus(reply.value);
      setMessage({ kind: 'ok', text: type === 'syncNow' ? t('options_syncDone', 'Sync finished.') : t('options_syncDisconnected', 'Disconnected. Nothing more is sent.') });
      if (type === 'syncDisconnect') onChanged();
    } else setMessage({ kind: 'error', text: reply.error });
  };

  return (
    <>
      <p>
        {t(
          'options_syncIntro',
          'Optional: share case events, outcomes and approved templates with your team’s CouchDB server. E-mail text never leaves this browser.',
        )}
      </p>
      <p class="muted">
        {t(
          'options_syncPasswordNote',
          'Your password is sent once to the server to open a session; Caseline keeps only the session cookie, never the password.',
        )}
      </p>
      <div aria-live="polite">{message ? <p class={`status ${message.kind}`}>{message.text}</p> : null}</div>
      {status ? (
        <dl class="sync-status" data-testid="sync-status">
          <dt>{t('options_syncState', 'State')}</dt>
          <dd>{status.enabled ? t('options_syncOn', 'Connected to $1 ($2)', [status.url ?? '', status.db ?? '']) : t('options_syncOff', 'Not connected')}</dd>
          <dt>{t('options_syncPending', 'Waiting to be sent')}</dt>
          <dd>{status.pending}</dd>
          <dt>{t('options_syncLastPush', 'Last sent')}</dt>
          <dd>{when(status.lastPushAt)}</dd>
          <dt>{t('options_syncLastPull', 'Last received')}</dt>
          <dd>{when(status.lastPullAt)}</dd>
          {status.enabled ? (
            <>
              <dt>{t('options_syncLive', 'Live')}</dt>
              <dd data-testid="sync-live">{liveWords(live ?? status.live)}</dd>
            </>
          ) : null}
          {status.serverRoles ? (
            <>
              <dt>{t('options_syncServerRole', 'The server knows you as')}</dt>
              <dd data-testid="sync-server-role">
                {status.serverRoles.includes('caseline-lead') ? t('options_roleLead', 'a team lead') : status.serverRoles.includes('caseline-agent') ? t('options_roleAgent', 'an agent') : status.serverRoles.join(', ')}
              </dd>
            </>
          ) : null}
          {status.lastError ? (
            <>
              <dt>{t('options_syncLastError', 'Last problem')}</dt>
              <dd>{status.lastError}</dd>
            </>
          ) : null}
          <ReasonList title={t('options_syncRejected', 'Refused by the server (kept here)')} items={status.rejected} />
          <ReasonList title={t('options_syncRefusedDocs', 'Records from the server not taken')} items={status.refusedDocs} />
        </dl>
      ) : null}
      {team?.inTeam ? (
        <div data-testid="team-settings">
          <h3>{t('options_teamSettings', 'Team settings')}</h3>
          <p>
            {team.settings.inForce
              ? t('options_teamSettingsVersion', 'Version $1, published by $2 on $3.', [team.settings.inForce.version, team.settings.inForce.publishedBy, when(team.settings.inForce.publishedAt)])
              : t('options_teamSettingsNone', 'No team settings are published: everyone works by their own SLA policy, calendar and holidays.')}{' '}
            {team.settings.inUse ? t('options_teamSettingsUsed', 'This browser works by them.') : null}
            {team.settings.ownMatchesTeam === false ? t('options_teamSettingsDiffer', 'Your own settings differ from them.') : null}
          </p>
          {team.canPublish ? (
            <div class="actions">
              <button type="button" disabled={busy} data-testid="publish-settings" onClick={() => void publishSettings()}>
                {t('options_publishSettings', 'Publish my SLA policy, calendar and holidays to the team')}
              </button>
              <span class="muted">{t('options_publishSettingsHint', 'The saved settings are published (save first).')}</span>
            </div>
          ) : null}
        </div>
      ) : null}
      <form onSubmit={connect} noValidate aria-label={t('options_syncForm', 'Team server')}>
        <TextField
          path="sync.url"
          type="url"
          label={t('options_syncUrl', 'Server address')}
          hint={t('options_syncUrl_hint', 'For example https://couch.example.org (http:// only for 127.0.0.1 or localhost).')}
          value={url}
          inputMode="url"
          error={errors['sync.url']}
          onValue={setUrl}
        />
        <TextField path="sync.db" label={t('options_syncDb', 'Database')} value={db} spellcheck={false} error={errors['sync.db']} onValue={setDb} />
        <TextField path="sync.user" label={t('options_syncUser', 'User name')} value={user} autoComplete="username" error={errors['sync.user']} onValue={setUser} />
        <TextField
          path="sync.password"
          type="password"
          label={t('options_syncPassword', 'Password')}
          value={password}
          autoComplete="current-password"
          error={errors['sync.password']}
          onValue={setPassword}
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('options_syncConnect', 'Connect')}
          </button>
          <button type="button" disabled={busy || !status?.enabled} onClick={() => void run('syncNow')}>
            {t('options_syncNow', 'Sync now')}
          </button>
          <button type="button" disabled={busy || !status?.configured} onClick={() => void run('syncDisconnect')}>
            {t('options_syncDisconnect', 'Disconnect')}
          </button>
        </div>
      </form>
    </>
  );
}
