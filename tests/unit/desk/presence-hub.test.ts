/**
 * Two installs' presence hubs over the in-memory channel: who sees whom on a conversation, the
 * reply in progress, a tab closing, going offline, expiry, and what a record carries.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { PresenceHub } from '../../../utils/desk/presence-hub';
import { MemoryPresenceHub } from '../../../utils/shared-inbox/presence-channel';
import { describePresence, PRESENCE_EXPIRY_MS, replyWarning, type PresenceForTab } from '../../../utils/shared-inbox/presence';
import { threadKeyFor } from '../../../utils/shared-inbox/thread-key';

const SALT = '77'.repeat(32);
const CASE = 'gmail:18c2f0a9b3';
let clock: number;
let net: MemoryPresenceHub;

function install(handle: string, name: string, shared = true) {
  const told: Array<{ tabId: number; notice: PresenceForTab }> = [];
  const hub = new PresenceHub({
    channel: async () => (shared ? net.channel(handle) : undefined),
    identity: async () => ({ recordId: `pr:${handle}:install-${handle}`, by: handle, name }),
    threadOf: async (caseId) => threadKeyFor(caseId, SALT),
    nameOf: (h, given) => given ?? h,
    send: (tabId, notice) => told.push({ tabId, notice }),
    now: () => clock,
  });
  const last = (tabId: number) => [...told].reverse().find((t) => t.tabId === tabId)?.notice;
  return { hub, told, last };
}

beforeEach(() => {
  clock = Date.parse('2026-03-02T10:00:00.000Z');
  net = new MemoryPresenceHub();
});

describe('presence between two installs', () => {
  it('both see each other on the same conversation, and the reply in progress with its time', async () => {
    const ana = install('ana', 'Ana');
    const bob = install('bob', 'Bob');
    await ana.hub.report(1, { type: 'thread', caseId: CASE });
    await bob.hub.report(7, { type: 'thread', caseId: CASE });
    expect(bob.last(7)?.others.map((o) => [o.by, o.state])).toEqual([['ana', 'viewing']]);
    expect(ana.last(1)?.others.map((o) => [o.by, o.state])).toEqual([['bob', 'viewing']]);

    clock += 1000;
    await ana.hub.report(1, { type: 'typing' });
    const seen = bob.last(7)!;
    expect(seen.status).toBe('shared');
    clock += 2 * 60_000;
    expect(describePresence(seen.others[0]!, clock)).toBe('Ana is replying — 2 min');
    expect(replyWarning(seen.others, 'send', clock)).toContain('Ana (for 2 min) is writing a reply');
  });

  it('a record holds the thread key, the state and the time only', async () => {
    const ana = install('ana', 'Ana');
    await ana.hub.report(1, { type: 'thread', caseId: CASE });
    const [record] = net.all();
    expect(Object.keys(record!).sort()).toEqual(['at', 'by', 'id', 'name', 'threads']);
    expect(Object.keys(record!.threads)).toEqual([threadKeyFor(CASE, SALT)]);
    expect(JSON.stringify(record)).not.toContain('18c2f0a9b3');
  });

  it('a closed tab withdraws its conversation at once; another conversation is not shown', async () => {
    const ana = install('ana', 'Ana');
    const bob = install('bob', 'Bob');
    await bob.hub.report(7, { type: 'thread', caseId: CASE });
    await ana.hub.report(1, { type: 'thread', caseId: CASE });
    await ana.hub.report(2, { type: 'thread', caseId: 'gmail:other' });
    expect(bob.last(7)?.others).toHaveLength(1);
    await ana.hub.gone(1);
    expect(bob.last(7)?.others).toEqual([]);
    expect(net.all().find((r) => r.by === 'ana')?.threads).toEqual({ [threadKeyFor('gmail:other', SALT)]: expect.objectContaining({ state: 'viewing' }) });
  });

  it('going offline says so to the tab, and a silent teammate expires', async () => {
    const ana = install('ana', 'Ana');
    const bob = install('bob', 'Bob');
    await ana.hub.report(1, { type: 'thread', caseId: CASE });
    await bob.hub.report(7, { type: 'thread', caseId: CASE });
    await bob.hub.report(7, { type: 'offline' });
    expect(bob.last(7)).toMatchObject({ status: 'offline', others: [] });
    await bob.hub.report(7, { type: 'online' });
    expect(bob.last(7)).toMatchObject({ status: 'shared', others: [expect.objectContaining({ by: 'ana' })] });
    // Ana's browser stops (no heartbeat, nothing withdrawn): after the expiry Bob no longer sees her.
    net.offline.add('ana');
    clock += PRESENCE_EXPIRY_MS + 1000;
    await bob.hub.report(7, { type: 'heartbeat' });
    expect(bob.last(7)?.others).toEqual([]);
  });

  it('a reply sent or closed is back to viewing; without team sync nothing is sent', async () => {
    const ana = install('ana', 'Ana');
    const bob = install('bob', 'Bob');
    await bob.hub.report(7, { type: 'thread', caseId: CASE });
    await ana.hub.report(1, { type: 'thread', caseId: CASE });
    await ana.hub.report(1, { type: 'typing' });
    await ana.hub.report(1, { type: 'replyClosed' });
    expect(bob.last(7)?.others.map((o) => o.state)).toEqual(['viewing']);

    const solo = install('sam', 'Sam', false);
    await solo.hub.report(3, { type: 'thread', caseId: CASE });
    expect(solo.last(3)).toMatchObject({ status: 'solo', others: [] });
    expect(net.all().map((r) => r.by).sort()).toEqual(['ana', 'bob']);
  });
});
