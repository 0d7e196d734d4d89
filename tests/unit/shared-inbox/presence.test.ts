import { describe, expect, it } from 'vitest';
import {
  describePresence,
  mergeTabs,
  othersOnThread,
  parsePresence,
  PRESENCE_EXPIRY_MS,
  REPLY_IDLE_MS,
  replyWarning,
  type AgentPresence,
} from '../../../utils/shared-inbox/presence';
import { MemoryPresenceHub } from '../../../utils/shared-inbox/presence-channel';

const T1 = '1'.repeat(64);
const T2 = '2'.repeat(64);
const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const iso = (msBefore: number) => new Date(NOW - msBefore).toISOString();
const nameOf = (h: string, given?: string) => given ?? h;

const record = (by: string, threads: AgentPresence['threads'], at = iso(1000), name?: string): AgentPresence => ({ id: `pr:${by}:i-${by}`, by, at, threads, ...(name ? { name } : {}) });

describe('presence words', () => {
  it('"Ana is replying — 2 min"', () => {
    expect(describePresence({ by: 'ana', name: 'Ana', state: 'replying', since: iso(2 * 60_000 + 5_000) }, NOW)).toBe('Ana is replying — 2 min');
    expect(describePresence({ by: 'bob', name: 'Bob', state: 'viewing', since: iso(20_000) }, NOW)).toBe('Bob is viewing this conversation — just now');
    expect(describePresence({ by: 'bob', name: 'Bob', state: 'viewing', since: iso(65 * 60_000) }, NOW)).toBe('Bob is viewing this conversation — 1 h 05 min');
  });

  it('warns before inserting or sending only while someone else is replying', () => {
    expect(replyWarning([{ by: 'bob', name: 'Bob', state: 'viewing', since: iso(0) }], 'send', NOW)).toBeNull();
    const ana = { by: 'ana', name: 'Ana', state: 'replying' as const, since: iso(3 * 60_000) };
    expect(replyWarning([ana], 'send', NOW)).toBe('Ana (for 3 min) is writing a reply to this customer too. Send yours anyway?');
    expect(replyWarning([ana, { ...ana, by: 'cara', name: 'Cara', since: iso(10_000) }], 'insert', NOW)).toBe(
      'Ana (for 3 min) and Cara (for a moment) are writing a reply to this customer. Insert the template anyway?',
    );
  });
});

describe('who is on a conversation', () => {
  it('leaves out expired records and my own installs; replying first', () => {
    const records = [
      record('bob', { [T1]: { state: 'viewing', since: iso(60_000) } }, iso(1000), 'Bob'),
      record('ana', { [T1]: { state: 'replying', since: iso(30_000) } }, iso(2000), 'Ana'),
      record('old', { [T1]: { state: 'replying', since: iso(60_000) } }, iso(PRESENCE_EXPIRY_MS + 1)),
      record('me', { [T1]: { state: 'replying', since: iso(0) } }),
      record('cara', { [T2]: { state: 'replying', since: iso(0) } }),
    ];
    expect(othersOnThread(records, T1, 'me', NOW, nameOf).map((p) => [p.by, p.state])).toEqual([
      ['ana', 'replying'],
      ['bob', 'viewing'],
    ]);
  });

  it('merges tabs: replying wins, the earliest start, and an idle draft counts as viewing', () => {
    const merged = mergeTabs(
      [
        { thread: T1, state: 'viewing', since: iso(50_000) },
        { thread: T1, state: 'replying', since: iso(10_000), lastInputAt: NOW - 1000 },
        { thread: T2, state: 'replying', since: iso(REPLY_IDLE_MS + 60_000), lastInputAt: NOW - REPLY_IDLE_MS - 1 },
      ],
      NOW,
    );
    expect(merged[T1]).toEqual({ state: 'replying', since: iso(10_000) });
    expect(merged[T2]?.state).toBe('viewing');
  });

  it('refuses records that are not presence (wrong keys, states, too many threads)', () => {
    const ok = { id: 'pr:ana:i1', by: 'ana', at: iso(0), threads: { [T1]: { state: 'viewing', since: iso(0) } } };
    expect(parsePresence(ok)).toEqual(ok);
    expect(parsePresence({ ...ok, threads: { 'gmail:123': { state: 'viewing', since: iso(0) } } })).toBeNull();
    expect(parsePresence({ ...ok, threads: { [T1]: { state: 'typing', since: iso(0) } } })).toBeNull();
    expect(parsePresence({ ...ok, by: 'has space' })).toBeNull();
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [i.toString(16).padStart(64, '0'), { state: 'viewing', since: iso(0) }]));
    expect(parsePresence({ ...ok, threads: many })).toBeNull();
  });
});

describe('the in-memory presence channel', () => {
  it('delivers each install the others\' records, and nothing while offline', async () => {
    const hub = new MemoryPresenceHub();
    const a = hub.channel('a');
    const b = hub.channel('b');
    const seenByB: AgentPresence[][] = [];
    b.subscribe((r) => seenByB.push(r));
    expect(await a.publish(record('ana', { [T1]: { state: 'replying', since: iso(0) } }))).toBe(true);
    expect(seenByB.at(-1)?.map((r) => r.by)).toEqual(['ana']);
    hub.offline.add('a');
    expect(await a.publish(record('ana', {}))).toBe(false);
    expect(hub.all()[0]?.threads[T1]?.state).toBe('replying');
  });
});
