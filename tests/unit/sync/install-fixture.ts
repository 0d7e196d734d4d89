/** Extension installs for the sync tests: their own IndexedDB and settings, a client like the background's. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openCaselineDb } from '../../../utils/db/open';
import type { CaselineDb } from '../../../utils/db/schema';
import { saveAppSettings } from '../../../utils/desk/app-settings';
import { teamClient } from '../../../utils/desk/team-sync';
import { defaultSettings } from '../../../utils/settings/default-settings';
import type { CaselineSettings } from '../../../utils/settings/settings';
import type { CouchClient } from '../../../utils/sync/couch-client';
import type { CouchServer } from '../../support/couch-server';
import { nodeFetch, USERS } from './team-fixture';

export const NOW = new Date('2026-03-04T10:00:00Z');

export interface Install {
  db: CaselineDb;
  settings: CaselineSettings;
  client: CouchClient;
  user: string;
}

/** A fresh install with sync on for `user` (role as the setup gave it), signed in through the fault proxy. */
export async function newInstall(server: CouchServer, user: string, seed = `${user}-${Math.random()}`): Promise<Install> {
  const account = USERS.find((u) => u.name === user);
  if (!account) throw new Error(user);
  const db = await openCaselineDb(new IDBFactory());
  const base: CaselineSettings = { ...defaultSettings(NOW, 'sop-000', { seed, timeZone: 'Europe/London' }), onboarded: true };
  const wanted: CaselineSettings = {
    ...base,
    role: account.role,
    agent: { ...base.agent, name: user.toUpperCase(), prefix: 'TS' },
    sync: { enabled: true, url: server.proxy.url, db: server.db, user },
  };
  const saved = await saveAppSettings(db, wanted);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  // The password comes from session storage in the extension; here, from the fixture.
  const client = teamClient(saved.value.sync, nodeFetch, async () => account.password, 5_000);
  await client.login(user, account.password);
  return { db, settings: saved.value, client, user };
}

/** Waits (polling every 20 ms) until `check` returns something truthy; gives up after `ms`. */
export async function eventually<T>(check: () => Promise<T> | T, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
