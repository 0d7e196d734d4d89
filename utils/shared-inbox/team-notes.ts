/**
 * Internal notes: what agents write beside a conversation for each other, never for the
 * customer (nothing here can reach a reply editor). A note may mention teammates with
 * "@handle"; mentions are parsed against the team roster, so only real teammates are told.
 * Pure: parsing, the autocomplete's arithmetic, and the pieces a view renders.
 */
import { displayName, type TeamMember, type TeamRoster } from './team-roster';

export const NOTE_MAX = 2000;
/** At most this many teammates are told about one note. */
export const MENTIONS_MAX = 20;

export interface TeamNote {
  /** `<handle>:<ulid>`: unique across the team. */
  id: string;
  /** The thread key of the conversation. */
  thread: string;
  /** Handle of the writer. */
  by: string;
  /** The writer's display name when the note was written. */
  name?: string;
  at: string;
  text: string;
  /** Handles mentioned, in order of first mention. */
  mentions: string[];
}

export type NoteTextCheck = { ok: true; text: string } | { ok: false; error: string };

export function checkNoteText(input: unknown): NoteTextCheck {
  if (typeof input !== 'string') return { ok: false, error: 'A note is text.' };
  const text = input.replace(/\r\n?/g, '\n').trim();
  if (text === '') return { ok: false, error: 'Write something in the note first.' };
  if (text.length > NOTE_MAX) return { ok: false, error: `Keep a note to ${NOTE_MAX} characters (this one has ${text.length}).` };
  return { ok: true, text };
}

/** A mention token: "@" at the start or after a space or bracket, then a handle's characters. */
const MENTION = /(^|[\s([{"'])@([\p{L}\p{N}._-]+)/gu;

function resolver(roster: TeamRoster): (word: string) => string | undefined {
  const byHandle = new Map(roster.members.map((m) => [m.handle.toLowerCase(), m.handle]));
  // A first name that belongs to one member only also works ("@Ana" for handle "alopez").
  const firstNames = new Map<string, string | null>();
  for (const m of roster.members) {
    const first = displayName(m).split(/\s+/)[0]?.toLowerCase();
    if (!first) continue;
    firstNames.set(first, firstNames.has(first) && firstNames.get(first) !== m.handle ? null : m.handle);
  }
  return (word) => {
    const w = word.toLowerCase().replace(/[._-]+$/, '');
    return byHandle.get(w) ?? firstNames.get(w) ?? undefined;
  };
}

/** The teammates a note mentions (handles, each once, in order). */
export function parseMentions(text: string, roster: TeamRoster): string[] {
  const resolve = resolver(roster);
  const found: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = resolve(match[2]!);
    if (handle && !found.includes(handle)) found.push(handle);
    if (found.length >= MENTIONS_MAX) break;
  }
  return found;
}

/** Text cut into plain runs and mentions, for a view to render (mentions highlighted). */
export function noteSegments(text: string, roster: TeamRoster): Array<{ text: string; mention?: string }> {
  const resolve = resolver(roster);
  const out: Array<{ text: string; mention?: string }> = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    const handle = resolve(match[2]!);
    if (!handle) continue;
    const start = match.index! + match[1]!.length;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: `@${match[2]!}`, mention: handle });
    last = start + 1 + match[2]!.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** The "@word" being typed at the caret, for the autocomplete: where it starts and what is typed so far. */
export function mentionAtCaret(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s([{"'])@([\p{L}\p{N}._-]*)$/u.exec(before);
  if (!match) return null;
  return { start: before.length - match[2]!.length - 1, query: match[2]! };
}

/** Teammates whose handle or name starts with the query (then, from two letters, contains it); `me` last, at most `limit`. */
export function mentionSuggestions(query: string, roster: TeamRoster, me?: string, limit = 6): TeamMember[] {
  const q = query.toLowerCase();
  const score = (m: TeamMember): number => {
    const handle = m.handle.toLowerCase();
    const name = displayName(m).toLowerCase();
    if (q === '') return 1;
    if (handle.startsWith(q) || name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q))) return 2;
    if (q.length >= 2 && (handle.includes(q) || name.includes(q))) return 1;
    return 0;
  };
  return roster.members
    .map((m) => ({ m, s: score(m) - (m.handle === me ? 0.5 : 0) }))
    .filter((x) => x.s > 0.5 || (q === '' && x.s > 0))
    .sort((a, b) => b.s - a.s)
    .slice(0, limit)
    .map((x) => x.m);
}

/** Replaces the "@word" at the caret with "@handle " and says where the caret goes. */
export function completeMention(text: string, caret: number, handle: string): { text: string; caret: number } {
  const at = mentionAtCaret(text, caret);
  if (!at) return { text, caret };
  const insert = `@${handle} `;
  const rest = text.slice(caret).replace(/^[\p{L}\p{N}._-]*/u, '');
  const next = text.slice(0, at.start) + insert + rest.replace(/^ /, '');
  return { text: next, caret: at.start + insert.length };
}

/** Notes that mention `handle`, newest first (the mentions list in the sidebar). */
export function mentionsOf<T extends Pick<TeamNote, 'mentions' | 'at' | 'by'>>(notes: readonly T[], handle: string): T[] {
  return notes.filter((n) => n.mentions.includes(handle) && n.by !== handle).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
