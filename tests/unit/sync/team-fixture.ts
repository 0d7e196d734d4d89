/** Shared set-up for the sync tests: a server, the setup run, and helpers to make records. */
import { ulid } from 'ulid';
import type { CaseEvent } from '../../../utils/cases/events';
import { CouchClient } from '../../../utils/sync/couch-client';
import { setupTeamDatabase } from '../../../utils/sync/team-setup';
import type { MemorySyncStore } from '../../../utils/sync/memory-store';
import { afterAll, beforeAll } from 'vitest';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { TEAM_PROFILE_ID } from '../../../utils/shared-inbox/team-profile';

export const USERS = [
  { name: 'ann', password: 'ann-pw', role: 'agent' },
  { name: 'bob', password: 'bob-pw', role: 'agent' },
  { name: 'lea', password: 'lea-pw', role: 'lead' },
] as const;

export const nodeFetch = (input: string, init?: RequestInit) => fetch(input, init);

export async function setUpTeam(server: CouchServer): Promise<void> {
  await setupTeamDatabase(adminClient(server), USERS);
}

export function adminClient(server: CouchServer): CouchClient {
  return new CouchClient({ url: server.url, db: server.db, fetch: nodeFetch, basicAuth: server.adminAuth });
}

/** A logged-in client for a user, through the fault proxy. */
export async function userClient(server: CouchServer, name: string, viaProxy = true, opts: { relogin?: boolean } = {}): Promise<CouchClient> {
  const user = USERS.find((u) => u.name === name);
  if (!user) throw new Error(name);
  const client = new CouchClient({
    url: viaProxy ? server.proxy.url : server.url,
    db: server.db,
    fetch: nodeFetch,
    timeoutMs: 5_000,
    ...(opts.relogin ? { relogin: (c: CouchClient) => c.login(user.name, user.password) } : {}),
  });
  await client.login(user.name, user.password);
  return client;
}

let clock = Date.parse('2026-03-02T09:00:00Z');

/** A received → acknowledged → resolved case as events, queued in the store as outbox entries. */
export function queueCase(store: MemorySyncStore, agentId: string, actor: string, caseId = `case-${ulid()}`): CaseEvent[] {
  const at = (m: number) => new Date(clock + m * 60_000).toISOString();
  clock += 3_600_000;
  const events: CaseEvent[] = [
    { id: ulid(), caseId, type: 'received', at: at(0), actor: 'customer', source: 'auto', data: {} },
    { id: ulid(), caseId, type: 'acknowledged', at: at(30), actor, source: 'auto', data: { reference: 'C-1' } },
    { id: ulid(), caseId, type: 'resolved', at: at(200), actor, source: 'agent', data: { code: 'fixed', summary: 'Replaced the part' } },
  ];
  for (const e of events) store.enqueue({ id: `${agentId}:${e.id}`, kind: 'event', doc: e, createdAt: e.at });
  return events;
}

/** Every record of the team database (admin view): design documents and the setup's team profile left out. */
export async function serverDocs(server: CouchServer): Promise<Array<Record<string, unknown> & { _id: string }>> {
  const all = await adminClient(server).allDocs({ includeDocs: true });
  return all.rows.filter((r) => !r.id?.startsWith('_design/') && r.id !== TEAM_PROFILE_ID).map((r) => r.doc!) as Array<Record<string, unknown> & { _id: string }>;
}

/**
 * The test server with the team set up before a file's tests and stopped after them; call it at
 * the top of a describe block and use the returned getter inside the tests.
 */
export function useTeamServer(): () => CouchServer {
  let server: CouchServer | undefined;
  beforeAll(async () => {
    server = await startCouchServer();
    await setUpTeam(server);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the test server has not started');
    return server;
  };
}
