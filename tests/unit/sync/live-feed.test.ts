/**
 * The live feed (`_changes?feed=longpoll` with a heartbeat): what an agent writes reaches the
 * lead's store as it is written; the feed reconnects with backoff through 5xx answers, cut
 * connections and a stopped server, and stops at once when asked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listTeamDocs } from '../../../utils/desk/team-records';
import { teamLiveFeed, type TeamChanges } from '../../../utils/desk/team-sync';
import { liveRetryDelay, LIVE_RETRY_MAX_MS, type LiveState } from '../../../utils/sync/live-feed';
import { MemorySyncStore } from '../../../utils/sync/memory-store';
import { pushOutbox } from '../../../utils/sync/push';
import { eventually, newInstall } from './install-fixture';
import { queueCase, userClient, useTeamServer } from './team-fixture';

const isChanges = (r: { path: string }) => r.path.includes('/_changes');

describe('the live feed', () => {
  const server = useTeamServer();
  afterEach(async () => {
    server().proxy.clear();
    await server().restart();
  });

  it('backoff: exponential with full jitter, from 1 s to at most 60 s', () => {
    expect([1, 2, 3, 4].map((a) => liveRetryDelay(a, () => 0.999_999))).toEqual([999, 1999, 3999, 7999]);
    expect(liveRetryDelay(30, () => 0.999_999)).toBeLessThan(LIVE_RETRY_MAX_MS);
    expect(liveRetryDelay(7, () => 0)).toBe(0);
  });

  it('an agent’s records reach the lead’s store as they are written, by longpoll with a heartbeat', async () => {
    const lead = await newInstall(server(), 'lea');
    const seen: TeamChanges[] = [];
    const states: LiveState['status'][] = [];
    const feed = teamLiveFeed(lead.db, lead.settings, lead.client, { onChanges: (c) => void seen.push(c), onState: (s) => void states.push(s.status) }, { waitMs: 1_000, heartbeatMs: 200 });
    feed.start();
    try {
      await eventually(() => feed.currentState.status === 'live');
      const had = (await listTeamDocs(lead.db)).length;
      const store = new MemorySyncStore();
      const events = queueCase(store, 'install-1', 'ann');
      await pushOutbox(store, await userClient(server(), 'ann'));
      await eventually(async () => (await listTeamDocs(lead.db)).length === had + 3);
      // One answer per change as the server writes them: three records stored in all, each told.
      await eventually(() => seen.reduce((n, c) => n + c.stored, 0) === 3);
      expect(seen.every((c) => c.removed === 0)).toBe(true);
      expect((await listTeamDocs(lead.db)).map((d) => d._id)).toEqual(expect.arrayContaining(events.map((e) => `ev:ann:${e.id}`)));
      const longpolls = server().proxy.log.filter((r) => isChanges(r) && r.path.includes('feed=longpoll'));
      expect(longpolls.length).toBeGreaterThan(0);
      expect(longpolls.every((r) => r.path.includes('heartbeat=200'))).toBe(true);
      // Nothing changing: the request is made again after its wait, without an error.
      const answers = feed.counts.answers;
      await eventually(() => server().proxy.log.filter((r) => isChanges(r)).length > longpolls.length + 1, 10_000);
      expect(feed.counts.errors).toBe(0);
      expect(feed.counts.answers).toBeGreaterThanOrEqual(answers);
    } finally {
      await feed.stop();
    }
    expect(states[0]).toBe('connecting');
    expect(states).toContain('live');
    expect(states.at(-1)).toBe('stopped');
  });

  it('reconnects with backoff after 5xx answers, cut connections and a stopped server, and takes what was written meanwhile', async () => {
    // (While it is down, nobody writes: the server is the only one there is.)
    const lead = await newInstall(server(), 'lea');
    const states: LiveState[] = [];
    const feed = teamLiveFeed(lead.db, lead.settings, lead.client, { onState: (s) => void states.push(s) }, { waitMs: 800, heartbeatMs: 200, random: () => 0.05 });
    feed.start();
    const store = new MemorySyncStore();
    const ann = await userClient(server(), 'ann', false);
    try {
      await eventually(() => feed.currentState.status === 'live');
      server().proxy.inject({ fault: { kind: 'status', status: 503 }, match: isChanges, times: 2 });
      server().proxy.inject({ fault: { kind: 'reset' }, match: isChanges, times: 1 });
      const had = (await listTeamDocs(lead.db)).length;
      queueCase(store, 'install-1', 'ann');
      await pushOutbox(store, ann);
      await eventually(async () => (await listTeamDocs(lead.db)).length === had + 3);
      await eventually(() => feed.currentState.status === 'live');
      const retries = states.filter((s) => s.status === 'retrying');
      expect(retries.map((s) => (s.status === 'retrying' ? s.attempt : 0))).toEqual([1, 2, 3]);

      // The server goes away: the feed keeps trying, further and further apart, and carries on when it is back.
      await server().stopServer();
      await eventually(() => feed.currentState.status === 'retrying');
      await server().restart();
      queueCase(store, 'install-1', 'ann');
      await pushOutbox(store, ann);
      await eventually(async () => (await listTeamDocs(lead.db)).length === had + 6);
      expect(feed.counts.errors).toBeGreaterThanOrEqual(4);
    } finally {
      await feed.stop();
    }
  });

  it('an agent’s feed takes the team’s publications only', async () => {
    const agent = await newInstall(server(), 'bob');
    const feed = teamLiveFeed(agent.db, agent.settings, agent.client, {}, { waitMs: 800, heartbeatMs: 200 });
    feed.start();
    try {
      await eventually(() => feed.currentState.status === 'live');
      const store = new MemorySyncStore();
      queueCase(store, 'install-1', 'ann');
      await pushOutbox(store, await userClient(server(), 'ann'));
      const lea = new MemorySyncStore();
      lea.enqueue({ id: 'L1:01JTEAMSETTINGS0000000001', kind: 'settings', doc: { version: 1, at: '2026-03-04T09:00:00Z', policy: {}, holidays: {} } });
      await pushOutbox(lea, await userClient(server(), 'lea'));
      await eventually(async () => (await listTeamDocs(agent.db)).length === 1);
      expect((await listTeamDocs(agent.db)).map((d) => d.type)).toEqual(['settings']);
      const paths = server().proxy.log.filter((r) => isChanges(r) && r.method === 'POST').map((r) => r.path);
      expect(paths.every((p) => p.includes('filter=_selector'))).toBe(true);
    } finally {
      await feed.stop();
    }
  });
});
