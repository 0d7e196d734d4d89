import { describe, expect, it } from 'vitest';
import { checkNoteText, completeMention, mentionAtCaret, mentionSuggestions, mentionsOf, noteSegments, parseMentions, NOTE_MAX } from '../../../utils/shared-inbox/team-notes';
import { initialsOf, mergeRoster, type TeamRoster } from '../../../utils/shared-inbox/team-roster';

const roster: TeamRoster = mergeRoster({ members: [] }, [
  { handle: 'ana', name: 'Ana López', role: 'agent' },
  { handle: 'bob.k', name: 'Bob Kowalski', role: 'agent' },
  { handle: 'lea', name: 'Léa Martin', role: 'lead' },
  { handle: 'alex', role: 'agent' },
]);

describe('mentions', () => {
  it('finds teammates by handle, case-insensitively, each once, in order', () => {
    expect(parseMentions('@Bob.K can you check? cc @ana and @ana again, @lea.', roster)).toEqual(['bob.k', 'ana', 'lea']);
  });

  it('a unique first name works; unknown names, e-mail addresses and a bare @ do not', () => {
    expect(parseMentions('@Léa please', roster)).toEqual(['lea']);
    expect(parseMentions('write to support@example.com or @zed, @ alone', roster)).toEqual([]);
  });

  it('cuts text into runs and highlighted mentions', () => {
    expect(noteSegments('Ask @ana (or @nobody) today', roster)).toEqual([{ text: 'Ask ' }, { text: '@ana', mention: 'ana' }, { text: ' (or @nobody) today' }]);
  });

  it('knows the @word at the caret and completes it', () => {
    const text = 'Please @bo check';
    expect(mentionAtCaret(text, 10)).toEqual({ start: 7, query: 'bo' });
    expect(mentionAtCaret('mail@bo', 7)).toBeNull();
    expect(completeMention(text, 10, 'bob.k')).toEqual({ text: 'Please @bob.k check', caret: 14 });
  });

  it('suggests teammates whose name or handle starts with what is typed, me last', () => {
    expect(mentionSuggestions('a', roster, 'ana').map((m) => m.handle)).toEqual(['alex', 'ana']);
    expect(mentionSuggestions('kow', roster).map((m) => m.handle)).toEqual(['bob.k']);
    expect(mentionSuggestions('', roster).length).toBe(4);
  });

  it('lists the notes that mention someone, newest first, not their own', () => {
    const notes = [
      { id: '1', by: 'bob.k', at: '2026-03-02T09:00:00Z', mentions: ['ana'] },
      { id: '2', by: 'ana', at: '2026-03-02T10:00:00Z', mentions: ['ana'] },
      { id: '3', by: 'lea', at: '2026-03-02T11:00:00Z', mentions: ['ana', 'bob.k'] },
    ];
    expect(mentionsOf(notes, 'ana').map((n) => n.id)).toEqual(['3', '1']);
  });
});

describe('note text', () => {
  it('is trimmed, required and limited', () => {
    expect(checkNoteText('  hello\r\nthere ')).toEqual({ ok: true, text: 'hello\nthere' });
    expect(checkNoteText('   ')).toMatchObject({ ok: false });
    expect(checkNoteText('x'.repeat(NOTE_MAX + 1))).toMatchObject({ ok: false, error: expect.stringContaining(String(NOTE_MAX)) });
  });
});

describe('roster', () => {
  it('gives two-letter initials that tell Ana from Alex', () => {
    expect(initialsOf('Ana López')).toBe('AL');
    expect(initialsOf('ana')).toBe('An');
    expect(initialsOf('alex')).toBe('Al');
    expect(initialsOf('bob.k')).toBe('BK');
    expect(initialsOf('  ')).toBe('?');
  });

  it('merges members: the first role stays, the latest name wins, bad handles are dropped', () => {
    const r = mergeRoster(roster, [{ handle: 'ana', name: 'Ana L.', role: 'lead' }, { handle: 'has:colon' }, { handle: 'new' }]);
    expect(r.members.find((m) => m.handle === 'ana')).toEqual({ handle: 'ana', name: 'Ana L.', role: 'agent' });
    expect(r.members.map((m) => m.handle)).not.toContain('has:colon');
    expect(r.members.map((m) => m.handle)).toContain('new');
  });
});
