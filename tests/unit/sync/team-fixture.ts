/** Shared set-up for the sync tests: a server, the setup run, and helpers to make records. */
import { ulid } from 'ulid';
import type { CaseEvent } from '../../../utils/cases/events';
import { CouchClient } from '../../../utils/sync/couch-client';
import { setupTeamDatabase } from '../../../utils/sync/team-setup';
import type { MemorySyncStore } from '../../../utils/sync/memory-store';
import type { CouchServer } from '../../support/couch-server';
import { TEAM_PROFILE_ID } from '../../../utils/shared-inbox/team-profile';

export const DB = 'caseline';
export const USERS = [
  { name: 'ann', password: 'ann-pw', role: 'agent' },
  { name: 'bob', password: 'bob-pw', role: 'agent' },
  { name: 'lea', password: 'lea-pw', role: 'lead' },
] as const;

export const nodeFetch = (input: string, init?: RequestInit) => fetch(input, init);

export async function setUpTeam(server: CouchServer): Promise<void> {
  const admin = new CouchClient({ url: server.url, db: DB, fetch: nodeFetch, basicAuth: server.adminAuth });
  await setupTeamDatabase(admin, USERS);
}

export function adminClient(server: CouchServer): CouchClient {
  return new CouchClient({ url: server.url, db: DB, fetch: nodeFetch, basicAuth: server.adminAuth });
}

/** A logged-in client for a user, through the fault proxy. */
export async function userClient(server: CouchServer, name: string, viaProxy = true): Promise<CouchClient> {
  const user = USERS.find((u) => u.name === name);
  if (!user) throw new Error(name);
  const client = new CouchClient({ url: viaProxy ? server.proxy.url : server.url, db: DB, fetch: nodeFetch, timeoutMs: 5_000 });
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
