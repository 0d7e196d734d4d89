import { describe, expect, it } from 'vitest';
import { filterQueue, scopeCounts } from '../../../utils/shared-inbox/queue-scope';
import { unassignedAtRisk } from '../../../utils/shared-inbox/unassigned-at-risk';
import { isThreadKey, threadKeyFor } from '../../../utils/shared-inbox/thread-key';
import { nextProfileDoc, parseTeamProfile } from '../../../utils/shared-inbox/team-profile';
import { syncCaseKey } from '../../../utils/cases/case-id';

describe('queue scopes', () => {
  const items = [{ id: 1, owner: 'ana', mine: true }, { id: 2 }, { id: 3, owner: 'bob' }, { id: 4, owner: 'ana', mine: true }];
  it('Mine, Unassigned, Everyone\'s', () => {
    expect(filterQueue(items, 'mine').map((i) => i.id)).toEqual([1, 4]);
    expect(filterQueue(items, 'unassigned').map((i) => i.id)).toEqual([2]);
    expect(filterQueue(items, 'everyone').map((i) => i.id)).toEqual([1, 2, 3, 4]);
    expect(scopeCounts(items)).toEqual({ mine: 2, unassigned: 1, everyone: 4 });
  });
});

describe('unassigned and about to breach', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');
  const owners = new Map([['t-owned', 'ana']]);
  it('keeps unowned conversations due within the window, soonest first, once each', () => {
    const risky = unassignedAtRisk(
      [
        { thread: 't-late', dueAt: '2026-03-02T12:00:00Z' },
        { thread: 't-soon', dueAt: '2026-03-02T10:30:00Z' },
        { thread: 't-soon', dueAt: '2026-03-02T10:20:00Z', caseId: 'gmail:1', subject: 'Refund' },
        { thread: 't-owned', dueAt: '2026-03-02T10:10:00Z' },
        { thread: 't-breached', dueAt: '2026-03-02T09:50:00Z' },
        { thread: 't-edge', dueAt: '2026-03-02T11:00:00Z' },
      ],
      (t) => owners.get(t),
      now,
      60 * 60_000,
    );
    expect(risky.map((r) => [r.thread, r.dueAt])).toEqual([
      ['t-soon', '2026-03-02T10:20:00Z'],
      ['t-edge', '2026-03-02T11:00:00Z'],
    ]);
  });
});

describe('thread keys and the team profile', () => {
  it('every agent with the team salt gets the same key; it is not the case key', () => {
    const salt = 'ab'.repeat(32);
    const k = threadKeyFor('gmail:18c2f0a9b3', salt);
    expect(isThreadKey(k)).toBe(true);
    expect(threadKeyFor('gmail:18c2f0a9b3', salt)).toBe(k);
    expect(threadKeyFor('gmail:18c2f0a9b3', 'cd'.repeat(32))).not.toBe(k);
    expect(syncCaseKey('gmail:18c2f0a9b3', salt)).not.toBe(k);
  });

  it('setup keeps the salt once made and adds members without dropping anyone', () => {
    const first = nextProfileDoc(undefined, [{ name: 'ana', role: 'agent' }, { name: 'lea', role: 'lead' }], () => 'ef'.repeat(32));
    expect(first.salt).toBe('ef'.repeat(32));
    const second = nextProfileDoc(first, [{ name: 'bob', role: 'agent' }, { name: 'ana', role: 'lead' }], () => '00'.repeat(32));
    expect(second.salt).toBe(first.salt);
    expect(second.members).toEqual([
      { name: 'ana', role: 'lead' },
      { name: 'bob', role: 'agent' },
      { name: 'lea', role: 'lead' },
    ]);
    expect(parseTeamProfile(second)).toEqual({ salt: first.salt, members: [{ handle: 'ana', role: 'lead' }, { handle: 'bob', role: 'agent' }, { handle: 'lea', role: 'lead' }] });
    expect(parseTeamProfile({ salt: 'short' })).toBeNull();
  });
});
