/**
 * Internal notes on the case: what teammates wrote for each other, never for the customer
 * (nothing here reaches the reply). "@" opens a list of teammates to mention; a mentioned
 * teammate sees the note in their mentions, and gets a notification if they want one.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { CaseTeamView } from '@/utils/shared-inbox/case-team-view';
import { completeMention, mentionAtCaret, mentionSuggestions, NOTE_MAX, noteSegments } from '@/utils/shared-inbox/team-notes';
import { formatDueTime } from '@/utils/countdown/describe-countdown';
import { t } from './i18n';

export function TeamNotes({ team, busy, onAdd }: { team: CaseTeamView; busy: boolean; onAdd: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const roster = useMemo(() => ({ members: team.members.map((m) => ({ handle: m.handle, name: m.name, ...(m.role ? { role: m.role } : {}) })) }), [team.members]);
  const at = mentionAtCaret(text, caret);
  const suggestions = at && !dismissed ? mentionSuggestions(at.query, roster, team.me.handle) : [];
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const pick = (handle: string) => {
    const next = completeMention(text, caret, handle);
    setText(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (await onAdd(text)) {
      setText('');
      setCaret(0);
    }
  };
  return (
    <section class="card notes" aria-labelledby="notes-heading" data-testid="notes">
      <h3 id="notes-heading">
        {t('notes_title', 'Team notes')} {team.notes.length > 0 && <span class="muted">({team.notes.length})</span>}
      </h3>
      {team.notes.length > 0 && (
        <ol class="note-list">
          {team.notes.map((n) => (
            <li key={n.id} class={n.mine ? 'mine' : ''}>
              <div class="note-head">
                <strong>{n.mine ? t('notes_you', 'You') : n.name}</strong> <time dateTime={n.at} class="muted">{formatDueTime(n.at, zone)}</time>
              </div>
              <p class="note-text">
                {noteSegments(n.text, roster).map((seg, i) => (seg.mention ? <mark key={i} class="mention">{seg.text}</mark> : <span key={i}>{seg.text}</span>))}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form class="subform" onSubmit={submit} aria-label={t('notes_add', 'Add a note')}>
        <label>
          {t('notes_label', 'Note for the team (type @ to mention someone)')}
          <textarea
            ref={input}
            rows={2}
            maxLength={NOTE_MAX}
            value={text}
            data-testid="note-input"
            role="combobox"
            aria-expanded={suggestions.length > 0}
            aria-controls="mention-list"
            aria-autocomplete="list"
            aria-activedescendant={suggestions.length > 0 ? `mention-${active}` : undefined}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
              setDismissed(false);
              setActive(0);
            }}
            onClick={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
            onKeyUp={(e) => {
              if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key)) setCaret(e.currentTarget.selectionStart ?? 0);
            }}
            onKeyDown={(e) => {
              if (suggestions.length === 0) return;
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((active + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
              } else if (e.key === 'Enter' || e.key === 'Tab') {
                e.preventDefault();
                pick(suggestions[active]!.handle);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setDismissed(true);
              }
            }}
          />
        </label>
        {suggestions.length > 0 && (
          <ul id="mention-list" role="listbox" class="mention-list" aria-label={t('notes_mention_list', 'Teammates')}>
            {suggestions.map((m, i) => (
              <li
                key={m.handle}
                id={`mention-${i}`}
                role="option"
                aria-selected={i === active}
                data-handle={m.handle}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(m.handle);
                }}
              >
                {m.name ?? m.handle} <span class="muted">@{m.handle}</span>
              </li>
            ))}
          </ul>
        )}
        <p class="muted small">{t('notes_private', 'Only your team sees notes; they never go into a reply.')}</p>
        <button type="submit" disabled={busy || !text.trim()}>{t('notes_submit', 'Add note')}</button>
      </form>
    </section>
  );
}
