/**
 * Issue 17, item 4: any 401 signs in again once and carries on, in a background that stays up
 * for longer than a session lasts: a lead with nothing to push keeps pulling, and the live feed
 * keeps following.
 */
import { describe, expect, it } from 'vitest';
import { listTeamDocs } from '../../../utils/desk/team-records';
import { syncWithTeam, teamLiveFeed } from '../../../utils/desk/team-sync';
import { MemorySyncStore } from '../../../utils/sync/memory-store';
import { pushOutbox } from '../../../utils/sync/push';
import { eventually, newInstall } from './install-fixture';
import { queueCase, userClient, useTeamServer } from './team-fixture';

describe('an ended session is renewed by itself', () => {
  const server = useTeamServer();

  it('a lead with nothing to push: the pull after the session ended signs in again once and takes the new records', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server(), 'ann', true, { relogin: true });
    queueCase(store, 'install-1', 'ann');
    await pushOutbox(store, ann);

    const lead = await newInstall(server(), 'lea');
    const first = await syncWithTeam(lead.db, lead.settings, lead.client);
    expect(first).toMatchObject({ pushed: { sent: 0 }, pulled: { applied: 3 } });
    expect(first.error).toBeUndefined();

    // Every session ends (CouchDB's timeout, a restart with a new secret); the background stays up.
    await server().expireSessions();
    queueCase(store, 'install-1', 'ann');
    expect(await pushOutbox(store, ann)).toEqual({ sent: 3, rejected: 0, conflicts: 0 });
    const before = server().proxy.log.length;
    const second = await syncWithTeam(lead.db, lead.settings, lead.client);
    expect(second.error).toBeUndefined();
    expect(second.pulled?.applied).toBe(3);
    expect(lead.client.renewedSessions).toBe(1);
    const changes = server().proxy.log.slice(before).filter((r) => r.path.includes('/_changes'));
    expect(changes.map((r) => r.status)).toEqual([401, 200]);
    expect(await listTeamDocs(lead.db)).toHaveLength(6);
  });

  it('the live feed keeps following across an ended session', async () => {
    const store = new MemorySyncStore();
    const ann = await userClient(server(), 'ann', true, { relogin: true });
    const lead = await newInstall(server(), 'lea');
    await syncWithTeam(lead.db, lead.settings, lead.client);
    const had = (await listTeamDocs(lead.db)).length;
    const feed = teamLiveFeed(lead.db, lead.settings, lead.client, {}, { waitMs: 400, heartbeatMs: 100, random: () => 0.05 });
    feed.start();
    try {
      await eventually(() => feed.currentState.status === 'live');
      await server().expireSessions();
      await eventually(() => lead.client.renewedSessions > 0); // the next longpoll met a 401
      queueCase(store, 'install-1', 'ann');
      await pushOutbox(store, ann);
      await eventually(async () => (await listTeamDocs(lead.db)).length === had + 3);
      expect(feed.counts.errors).toBe(0);
    } finally {
      await feed.stop();
    }
    expect(feed.running).toBe(false);
  });
});
