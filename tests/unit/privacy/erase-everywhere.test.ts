/**
 * Both erasures through the real background, with the team server a real CouchDB-compatible
 * server on 127.0.0.1 (express-pouchdb): the places outside the database (notifications, the
 * "already notified" list, storage, the badge, the team connection) are emptied as the registry
 * says; a customer erasure reaches the team server; "Erase everything" sends queued erasures
 * first, refuses (erasing nothing) while one cannot be sent, then signs out on the server,
 * forgets the password and the server's permission, and leaves the team's records on the server.
 * The browser here is WXT's fake one: the same places in a real Chromium are checked by
 * tests/e2e/erase.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { serverDocs, setUpTeam } from '../sync/team-fixture';
import { dbContent, SENDERS, startBackground, type Background } from './background-harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

type Reply = { ok: boolean; error?: string; value?: unknown };
const page = SENDERS.extensionPage;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const snapshot = (host: 'gmail' | 'outlook', threadId: string, email: string, subject: string, sentAt: string) => ({
  host,
  threadId,
  subject,
  messages: [{ id: `${threadId}-m1`, from: { email, name: email.split('@')[0] }, sentAt, direction: 'inbound', text: 'My order is late and I want a refund.', collapsed: false }],
});

let server: CouchServer;
let bg: Background;
const removedOrigins: string[][] = [];

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  server = await startCouchServer();
  await setUpTeam(server);
  bg = await startBackground();
  // The host permission the options page asks for in the click: granted here, and watched when taken back.
  Object.assign(fakeBrowser.permissions, {
    contains: async () => true,
    remove: async (p: { origins?: string[] }) => {
      removedOrigins.push(p.origins ?? []);
      return true;
    },
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe('erasure through the background, with a team server', () => {
  it('fills every place, erases one customer, then everything', async () => {
    const connected = (await bg.send('syncConnect', { url: server.proxy.url, db: server.db, user: 'ann', password: 'ann-pw' }, page)) as Reply;
    expect(connected, JSON.stringify(connected)).toMatchObject({ ok: true });
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['caseline.sync.secret']);

    // Dana's complaint is due for acknowledgement in 30 minutes (a notification); Eli's is long breached (the badge).
    expect(((await bg.send('snapshot', snapshot('gmail', 'dana-1', 'dana@example.org', 'Kettle broke', hoursAgo(23.5)), SENDERS.mailTab)) as Reply).ok).toBe(true);
    expect(((await bg.send('snapshot', snapshot('outlook', 'eli-1', 'eli@example.org', 'Parcel lost', hoursAgo(24 * 30)), SENDERS.outlookTab)) as Reply).ok).toBe(true);
    await fakeBrowser.storage.local.set({ 'caseline.sidebar.ui': { collapsed: false, width: 400 } });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'caseline-sla-check', scheduledTime: Date.now() });
    await until(async () => Object.keys(await fakeBrowser.notifications.getAll()).some((id) => id.startsWith('gmail:dana-1@')), 'the notification');
    await until(async () => (await fakeBrowser.action.getBadgeText({})) !== '', 'the badge');
    // The "already notified" list is in the database (the content scripts can read storage.local).
    expect(((await bg.db.get('meta', 'notifiedDeadlines'))?.value as string[]).some((e) => e.startsWith('gmail:dana-1@'))).toBe(true);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('dana');
    expect(((await bg.send('syncNow', {}, page)) as Reply).ok).toBe(true);
    const sentBefore = (await serverDocs(server)).length;
    expect(sentBefore).toBeGreaterThan(0);

    // ── Erase this customer ──
    const erased = (await bg.send('eraseCustomer', { email: 'dana@example.org' }, page)) as Reply;
    expect(erased).toEqual({ ok: true, value: { removed: 1, teamErasureQueued: true } });
    expect(Object.keys(await fakeBrowser.notifications.getAll()).filter((id) => id.includes('dana'))).toEqual([]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('dana');
    expect(await dbContent(bg.db)).not.toMatch(/dana/i);
    // The erasure request reaches the team server: keys only, no address.
    expect(((await bg.send('syncNow', {}, page)) as Reply).ok).toBe(true);
    const erasureDocs = (await serverDocs(server)).filter((d) => d.type === 'erasure');
    expect(erasureDocs).toHaveLength(1);
    expect(JSON.stringify(erasureDocs)).not.toMatch(/dana/i);

    // ── Erase everything, while a second customer's erasure cannot reach the server ──
    expect(((await bg.send('eraseCustomer', { email: 'eli@example.org' }, page)) as Reply).ok).toBe(true);
    server.proxy.inject({ fault: { kind: 'status', status: 503 } });
    const refused = (await bg.send('eraseEverything', { confirm: 'ERASE' }, page)) as Reply;
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/^Nothing was erased: 1 customer erasure request has not reached the team server yet/);
    // Nothing was erased: the connection, the password, the settings are all still there.
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['caseline.sync.secret']);
    expect(((await bg.send('syncStatus', {}, page)) as Reply).value).toMatchObject({ enabled: true, configured: true });
    expect(await bg.db.count('settings')).toBeGreaterThan(0);

    server.proxy.clear();
    const logBefore = server.proxy.log.length;
    const done = (await bg.send('eraseEverything', { confirm: 'ERASE' }, page)) as Reply;
    expect(done).toEqual({ ok: true, value: null });
    // The queued erasure went first, then the session was ended on the server.
    const after = server.proxy.log.slice(logBefore).map((r) => `${r.method} ${r.path.split('?')[0]}`);
    expect(after).toContain(`POST /${server.db}/_bulk_docs`);
    expect(after.at(-1)).toBe('DELETE /_session');
    expect((await serverDocs(server)).filter((d) => d.type === 'erasure')).toHaveLength(2);
    // The team's record stays on the team's server.
    expect((await serverDocs(server)).length).toBeGreaterThanOrEqual(sentBefore);
    expect(removedOrigins).toEqual([['http://127.0.0.1/*']]);

    // Every place in this browser is empty.
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.alarms.get('caseline-sync')).toBeUndefined();
    for (const [store, rows] of JSON.parse(await dbContent(bg.db)) as Array<[string, Array<{ key?: string; source?: string; rows?: { count: number } }>]>) {
      if (store === 'meta') expect(rows.map((r) => r.key), store).toEqual(['syncSalt']);
      else if (store === 'packs') expect(rows.map((r) => r.rows!.count), store).toEqual([0, 0]);
      else expect(rows, store).toEqual([]);
    }
    // What the background knows now: nothing of the team server.
    const status = (await bg.send('syncStatus', {}, page)) as Reply;
    expect(status.value).toMatchObject({ configured: false, enabled: false, pending: 0 });
  }, 60_000);
});
