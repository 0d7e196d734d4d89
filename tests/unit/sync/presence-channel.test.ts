/**
 * Presence through the team database (express-pouchdb on 127.0.0.1): each install rewrites its
 * one record in place; the others read it; nobody can write over someone else's.
 */
import { describe, expect, it } from 'vitest';
import { CouchPresenceChannel, presenceDoc } from '../../../utils/sync/couch-presence-channel';
import type { AgentPresence } from '../../../utils/shared-inbox/presence';
import { serverDocs, userClient, useTeamServer } from './team-fixture';
import { LiveFeed } from '../../../utils/sync/live-feed';
import { MemorySyncStore } from '../../../utils/sync/memory-store';

const T = 'c'.repeat(64);
const record = (by: string, at: string, threads: AgentPresence['threads']): AgentPresence => ({ id: `pr:${by}:install-1`, by, name: by.toUpperCase(), at, threads });

describe('presence on the team database', () => {
  const server = useTeamServer();

  it('rewrites one record per install in place, and the others read it', async () => {
    const ann = await userClient(server(), 'ann');
    const bob = await userClient(server(), 'bob');
    const annChannel = new CouchPresenceChannel({ client: async () => ann, setInterval: () => 0, clearInterval: () => undefined });
    const bobChannel = new CouchPresenceChannel({ client: async () => bob, setInterval: () => 0, clearInterval: () => undefined });

    expect(await annChannel.publish(record('ann', '2026-03-02T10:00:00.000Z', { [T]: { state: 'viewing', since: '2026-03-02T10:00:00.000Z' } }))).toBe(true);
    expect(await annChannel.publish(record('ann', '2026-03-02T10:00:15.000Z', { [T]: { state: 'replying', since: '2026-03-02T10:00:12.000Z' } }))).toBe(true);
    const docs = (await serverDocs(server())).filter((d) => d.type === 'presence');
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ _id: 'pr:ann:install-1', author: 'ann', presence: { threads: { [T]: { state: 'replying' } } } });

    const seen: AgentPresence[][] = [];
    const stop = bobChannel.subscribe((r) => seen.push(r));
    const read = await bobChannel.read();
    stop();
    expect(read.map((r) => [r.by, r.threads[T]?.state])).toEqual([['ann', 'replying']]);
    expect(seen.length).toBeGreaterThan(0);

    // A fresh channel of the same install (a restarted worker) picks up the current revision.
    const restarted = new CouchPresenceChannel({ client: async () => ann });
    expect(await restarted.publish(record('ann', '2026-03-02T10:00:30.000Z', {}))).toBe(true);
  });

  it('refuses a record written over someone else\'s, or in someone else\'s name', async () => {
    const bob = await userClient(server(), 'bob');
    const current = await bob.getDoc('pr:ann:install-1');
    const hijack = { ...presenceDoc(record('bob', '2026-03-02T10:01:00.000Z', {})), _id: 'pr:ann:install-1', _rev: current!._rev };
    await expect(bob.putDoc(hijack)).rejects.toMatchObject({ kind: 'forbidden' });
    const forged = presenceDoc(record('ann', '2026-03-02T10:01:00.000Z', {}));
    await expect(bob.putDoc({ ...forged, _id: 'pr:ann:install-2' })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('a teammate\'s rewrites reach an agent through the live feed (the agent\'s selector takes presence); the poll rests while it is live', async () => {
    const ann = await userClient(server(), 'ann');
    const bob = await userClient(server(), 'bob');
    let tick: (() => void) | undefined;
    let live = false;
    const bobChannel = new CouchPresenceChannel({ client: async () => bob, live: () => live, setInterval: (fn) => (tick = fn), clearInterval: () => undefined });
    const seen: AgentPresence[][] = [];
    const stop = bobChannel.subscribe((r) => seen.push(r));
    await bobChannel.read();
    const feed = new LiveFeed({
      client: bob,
      store: new MemorySyncStore(),
      role: 'agent',
      checkpointKey: 'presence-live',
      apply: async (docs) => bobChannel.take(docs.filter((d) => d.type === 'presence')),
      waitMs: 5_000,
      heartbeatMs: 1_000,
    });
    feed.start();
    try {
      while (feed.currentState.status !== 'live') await new Promise((r) => setTimeout(r, 10));
      live = true;
      seen.length = 0;
      // A poll tick while the feed is live reads nothing.
      tick?.();
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toEqual([]);
      // Ann's next heartbeat (a later revision of her one record) arrives by the feed.
      const annChannel = new CouchPresenceChannel({ client: async () => ann });
      expect(await annChannel.publish(record('ann', '2026-03-02T10:02:00.000Z', { [T]: { state: 'replying', since: '2026-03-02T10:02:00.000Z' } }))).toBe(true);
      await expect.poll(() => seen.flat().some((r) => r.by === 'ann' && r.at === '2026-03-02T10:02:00.000Z' && r.threads[T]?.state === 'replying'), { timeout: 10_000 }).toBe(true);
    } finally {
      stop();
      await feed.stop();
    }
  });
});
