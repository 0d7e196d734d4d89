/**
 * Sync figures against the local CouchDB-compatible test server (express-pouchdb, memory
 * adapter, validate_doc_update installed): push 10,000 events from one outbox, then a lead
 * pulls them. Real CouchDB 3 is usually faster per document than this in-process server.
 */
import { monotonicFactory } from 'ulid';
import type { CaseEvent } from '../../utils/cases/events';
import { CouchClient } from '../../utils/sync/couch-client';
import { MemorySyncStore } from '../../utils/sync/memory-store';
import { pullChanges } from '../../utils/sync/pull';
import { pushOutbox } from '../../utils/sync/push';
import { setupTeamDatabase } from '../../utils/sync/team-setup';
import { startCouchServer } from '../support/couch-server';
import type { Bench, BenchResult } from './types';

const EVENTS = 10_000;
const ulid = monotonicFactory();

/** Times spent waiting for `_bulk_docs` answers, to tell the client's share from the server's. */
class TimedClient extends CouchClient {
  waited = 0;
  override async bulkDocs(docs: Parameters<CouchClient['bulkDocs']>[0]) {
    const t = performance.now();
    try {
      return await super.bulkDocs(docs);
    } finally {
      this.waited += performance.now() - t;
    }
  }
}

export default (async () => {
  const server = await startCouchServer();
  try {
    const f = (i: string, init?: RequestInit) => fetch(i, init);
    await setupTeamDatabase(new CouchClient({ url: server.url, db: 'caseline', fetch: f, basicAuth: server.adminAuth }), [
      { name: 'ann', password: 'ann-pw', role: 'agent' },
      { name: 'lea', password: 'lea-pw', role: 'lead' },
    ]);
    const store = new MemorySyncStore();
    const t0 = Date.parse('2026-03-02T09:00:00Z');
    for (let i = 0; i < EVENTS; i++) {
      const e: CaseEvent = { id: ulid(), caseId: `case-${Math.floor(i / 5)}`, type: 'received', at: new Date(t0 + i * 60_000).toISOString(), actor: 'customer', source: 'auto', data: {} };
      store.enqueue({ id: `A1:${e.id}`, kind: 'event', doc: e });
    }
    const ann = new TimedClient({ url: server.url, db: 'caseline', fetch: f, timeoutMs: 120_000 });
    await ann.login('ann', 'ann-pw'); // sessions last 10 min: plenty
    const started = performance.now();
    const pushed = await pushOutbox(store, ann, { batchSize: 500 });
    const pushSeconds = (performance.now() - started) / 1000;
    if (pushed.sent !== EVENTS) throw new Error(`pushed ${pushed.sent} of ${EVENTS}: ${pushed.error ?? ''}`);

    const lea = new CouchClient({ url: server.url, db: 'caseline', fetch: f, timeoutMs: 120_000 });
    await lea.login('lea', 'lea-pw');
    const pullStarted = performance.now();
    let pulled = 0;
    await pullChanges(new MemorySyncStore(), lea, { role: 'lead', limit: 1000, apply: async (d) => void (pulled += d.length) });
    const pullSeconds = (performance.now() - pullStarted) / 1000;
    if (pulled !== EVENTS) throw new Error(`pulled ${pulled} of ${EVENTS}`);

    const results: BenchResult[] = [
      { name: 'sync: push 10,000 events (batches of 500)', value: pushSeconds, unit: 's', target: '≤ 10 s', ok: pushSeconds <= 10 },
      { name: 'sync: push throughput', value: EVENTS / pushSeconds, unit: 'events/s' },
      { name: 'sync: push, of which waiting for the server', value: ann.waited / 1000, unit: 's' },
      { name: 'sync: push, client-side work (docs, checks, outbox)', value: pushSeconds - ann.waited / 1000, unit: 's' },
      { name: 'sync: lead pulls 10,000 events', value: pullSeconds, unit: 's' },
    ];
    return results;
  } finally {
    await server.stop();
  }
}) satisfies Bench;
