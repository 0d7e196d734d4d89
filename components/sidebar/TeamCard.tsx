/**
 * Who owns the case in the shared inbox, and the owner's moves: claim, hand on, release; a lead
 * also assigns and reassigns. Changes that did not take (a teammate's came first) are said here,
 * and every change is on record below.
 */
import { useState } from 'preact/hooks';
import type { CaseTeamView } from '@/utils/shared-inbox/case-team-view';
import { formatDueTime } from '@/utils/countdown/describe-countdown';
import type { SidebarActions } from './sidebar-state';
import { t } from './i18n';

const MODE_WORDS: Record<CaseTeamView['mode'], () => string | null> = {
  solo: () => t('team_solo', 'Team sync is off: owners and notes stay on this browser.'),
  'no-profile': () => t('team_no_profile', 'The team database has no team profile yet, so owners and notes stay here: ask whoever set up the server to run the setup again.'),
  team: () => null,
};

export function TeamCard({ team, busy, actions }: { team: CaseTeamView; busy: boolean; actions: SidebarActions }) {
  const [choosing, setChoosing] = useState<'handOn' | 'assign' | null>(null);
  const [to, setTo] = useState('');
  const me = team.me;
  const owner = team.owner;
  const mine = owner?.handle === me.handle;
  const lead = me.role === 'lead';
  const others = team.members.filter((m) => m.handle !== (choosing === 'handOn' ? me.handle : owner?.handle));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!to) return;
    actions.changeOwner(choosing === 'handOn' && mine ? { type: 'handOn', to } : { type: 'assign', to });
    setChoosing(null);
    setTo('');
  };
  const modeNote = MODE_WORDS[team.mode]();
  return (
    <section class="card team" aria-labelledby="owner-heading" data-testid="owner-card">
      <h3 id="owner-heading">{t('owner_title', 'Owner')}</h3>
      <p class="owner-line" data-testid="owner">
        {owner ? (
          <>
            <span class="initials" aria-hidden="true">{owner.initials}</span>{' '}
            <strong>{mine ? t('owner_you', 'You') : owner.name}</strong>{' '}
            <span class="muted">
              {t('owner_since', 'since $1', formatDueTime(owner.since, zone))}
              {owner.givenBy ? ` · ${t('owner_given_by', 'from $1', owner.givenBy)}` : ''}
            </span>
          </>
        ) : (
          <span class="unassigned">{t('owner_none', 'Unassigned')}</span>
        )}
      </p>
      {team.overridden.map((text) => (
        <p class="overridden" role="note" key={text}>{text}</p>
      ))}
      <div class="actions">
        {!owner && (
          <button type="button" data-action="claim" disabled={busy} onClick={() => actions.changeOwner({ type: 'claim' })}>
            {t('owner_claim', 'Claim')}
          </button>
        )}
        {owner && !mine && lead && (
          <button type="button" data-action="take" disabled={busy} onClick={() => actions.changeOwner({ type: 'claim' })}>
            {t('owner_take', 'Take it')}
          </button>
        )}
        {mine && (
          <button type="button" data-action="hand-on" aria-expanded={choosing === 'handOn'} disabled={busy} onClick={() => setChoosing(choosing === 'handOn' ? null : 'handOn')}>
            {t('owner_hand_on', 'Hand on…')}
          </button>
        )}
        {lead && !mine && (
          <button type="button" data-action="assign" aria-expanded={choosing === 'assign'} disabled={busy} onClick={() => setChoosing(choosing === 'assign' ? null : 'assign')}>
            {owner ? t('owner_reassign', 'Reassign…') : t('owner_assign', 'Assign…')}
          </button>
        )}
        {owner && (mine || lead) && (
          <button type="button" data-action="release" disabled={busy} onClick={() => actions.changeOwner({ type: 'release' })}>
            {mine ? t('owner_release', 'Release') : t('owner_unassign', 'Unassign')}
          </button>
        )}
      </div>
      {choosing && (
        <form class="subform" aria-label={choosing === 'handOn' ? t('owner_hand_on_form', 'Hand the case on') : t('owner_assign_form', 'Assign the case')} onSubmit={submit}>
          <label>
            {t('owner_to', 'To')}
            <select value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="owner-to">
              <option value="">{t('owner_choose', 'Choose a teammate')}</option>
              {others.map((m) => (
                <option key={m.handle} value={m.handle}>
                  {m.handle === me.handle ? t('owner_me', '$1 (me)', m.name) : m.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy || !to}>
            {choosing === 'handOn' ? t('owner_hand_on_submit', 'Hand on') : t('owner_assign_submit', 'Assign')}
          </button>
        </form>
      )}
      {modeNote && <p class="muted small">{modeNote}</p>}
      {team.ownershipHistory.length > 0 && (
        <details>
          <summary class="muted">{t('owner_history', 'Ownership on record ($1)', String(team.ownershipHistory.length))}</summary>
          <ol class="history">
            {team.ownershipHistory.map((h, i) => (
              <li key={`${h.at}-${i}`}>
                <time dateTime={h.at}>{formatDueTime(h.at, zone)}</time> {h.text}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
