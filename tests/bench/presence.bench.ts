/**
 * Presence between 20 simulated agents on the local CouchDB-compatible test server (express-
 * pouchdb, validation installed), each with the background's presence hub, the team-database
 * channel as shipped (its record rewritten in place) and the team's live `_changes` feed as an
 * agent follows it (longpoll, the agent's server-side selector), whose pulled presence records
 * go to the channel as the background's pull hook hands them over. Ten conversations, two agents
 * on each: one starts typing a reply, and the time until the other agent's hub tells its tab
 * "replying" is taken, 30 times. The goal is 3 s. (The 2 s read the channel falls back
 * to while the feed is not live rests: the feed is live throughout.)
 */
import { CouchClient } from '../../utils/sync/couch-client';
import { CouchPresenceChannel } from '../../utils/sync/couch-presence-channel';
import { LiveFeed } from '../../utils/sync/live-feed';
import { MemorySyncStore } from '../../utils/sync/memory-store';
import { setupTeamDatabase } from '../../utils/sync/team-setup';
import { PresenceHub } from '../../utils/desk/presence-hub';
import { threadKeyFor } from '../../utils/shared-inbox/thread-key';
import type { PresenceForTab } from '../../utils/shared-inbox/presence';
import { startCouchServer } from '../support/couch-server';
import { percentile } from './statistics';
import type { Bench, BenchResult } from './types';

const AGENTS = 20;
const ROUNDS = 3;
const SALT = '3c'.repeat(32);

export default (async () => {
  const server = await startCouchServer();
  const results: BenchResult[] = [];
  const stops: Array<() => void> = [];
  const feeds: LiveFeed[] = [];
  try {
    const f = (i: string, init?: RequestInit) => fetch(i, init);
    const users = Array.from({ length: AGENTS }, (_, i) => ({ name: `agent${i}`, password: `pw-${i}`, role: 'agent' as const }));
    await setupTeamDatabase(new CouchClient({ url: server.url, db: 'caseline', fetch: f, basicAuth: server.adminAuth }), users);
    const waiting = new Map<number, (n: PresenceForTab) => void>();
    const publishMs: number[] = [];
    const hubs = await Promise.all(
      users.map(async (u, i) => {
        const client = new CouchClient({ url: server.url, db: 'caseline', fetch: f, timeoutMs: 30_000 });
        await client.login(u.name, u.password);
        const channel = new CouchPresenceChannel({ client: async () => client, live: (): boolean => feed.currentState.status === 'live' });
        const feed: LiveFeed = new LiveFeed({
          client,
          store: new MemorySyncStore(),
          role: 'agent',
          checkpointKey: `bench-${u.name}`,
          apply: async (docs) => channel.take(docs.filter((d) => d.type === 'presence')),
          waitMs: 25_000,
          heartbeatMs: 10_000,
        });
        feeds.push(feed);
        feed.start();
        const timed = {
          publish: async (r: Parameters<typeof channel.publish>[0]) => {
            const t = performance.now();
            const ok = await channel.publish(r);
            publishMs.push(performance.now() - t);
            return ok;
          },
          subscribe: (l: Parameters<typeof channel.subscribe>[0]) => {
            const stop = channel.subscribe(l);
            stops.push(stop);
            return stop;
          },
        };
        return new PresenceHub({
          channel: async () => timed,
          identity: async () => ({ recordId: `pr:${u.name}:install-${i}`, by: u.name, name: `Agent ${i}` }),
          threadOf: async (caseId) => threadKeyFor(caseId, SALT),
          nameOf: (h, given) => given ?? h,
          send: (_tab, notice) => waiting.get(i)?.(notice),
          now: () => Date.now(),
        });
      }),
    );
    while (feeds.some((feed) => feed.currentState.status !== 'live')) await new Promise((r) => setTimeout(r, 20));
    // Agents 2m and 2m+1 share conversation m.
    await Promise.all(hubs.map((hub, i) => hub.report(1, { type: 'thread', caseId: `gmail:conversation-${Math.floor(i / 2)}` })));

    const seenMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (let m = 0; m < AGENTS / 2; m++) {
        const [writer, reader] = round % 2 === 0 ? [2 * m, 2 * m + 1] : [2 * m + 1, 2 * m];
        const seen = new Promise<number>((resolve) => {
          waiting.set(reader, (n) => {
            if (n.others.some((o) => o.by === `agent${writer}` && o.state === 'replying')) resolve(performance.now());
          });
        });
        // Typing starts at any moment, not in step with the others' heartbeats.
        await new Promise((r) => setTimeout(r, Math.random() * 1_000));
        const started = performance.now();
        await hubs[writer]!.report(1, { type: 'typing' });
        seenMs.push((await seen) - started);
        waiting.delete(reader);
        await hubs[writer]!.report(1, { type: 'replyClosed' });
      }
    }
    results.push(
      { name: `presence: typing seen by the other agent, p50 (${AGENTS} agents, live feed)`, value: percentile(seenMs, 0.5), unit: 'ms', target: '≤ 3000 ms', ok: percentile(seenMs, 0.5) <= 3000 },
      { name: `presence: typing seen by the other agent, p95 (${AGENTS} agents, live feed)`, value: percentile(seenMs, 0.95), unit: 'ms', target: '≤ 3000 ms', ok: percentile(seenMs, 0.95) <= 3000 },
      { name: 'presence: one record written (PUT in place), median', value: percentile(publishMs, 0.5), unit: 'ms' },
    );
  } finally {
    for (const stop of stops) stop();
    await Promise.all(feeds.map((feed) => feed.stop()));
    await server.stop();
  }
  return results;
}) satisfies Bench;
