/**
 * The shared inbox with three browsers (one profile each: agents Ana and Bob, lead Lea) on the
 * CouchDB-compatible test server, through the extension as built: presence both ways (viewing,
 * then replying, each way), the question before inserting a template or sending while the other
 * agent replies, a claim, the lead's reassignment, a note with a mention, and two claims made
 * while the server was down that settle on the earlier one on both machines (the later claimant
 * told).
 *
 * Nothing here asks an install to sync: each change is pushed as it is made, and the teammates'
 * open mailbox tabs follow the server's live `_changes` feed (their `caseline-live` port), which
 * brings presence, owners and notes. Only the offline test asks for runs, after the server is back.
 *
 * The copy of the build grants the loopback test server up front (support/server-access.ts); the
 * sidebar's closed root is reached from the content script's world (support/sidebar-root.ts).
 */
import { rmSync } from 'node:fs';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchClient } from '../../utils/sync/couch-client';
import { setupTeamDatabase } from '../../utils/sync/team-setup';
import type { SyncStatus } from '../../utils/messages';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { demoMailbox } from '../../scripts/demo/demo-mailbox';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { openPage, sendFromPage } from './support/extension-pages';
import { extensionWithServerAccess, joinTeam } from './support/server-access';
import { inSidebar, sidebarText, waitForSidebar } from './support/sidebar-root';

const USERS = [
  { name: 'ana', password: 'ana-pw', role: 'agent' },
  { name: 'bob', password: 'bob-pw', role: 'agent' },
  { name: 'lea', password: 'lea-pw', role: 'lead' },
] as const;
const WAIT = { timeout: 30_000 };

interface Agent {
  eb: ExtensionBrowser;
  options: Page;
}

/** A browser profile signed in to the team (joinTeam names the agent after the user: ANA, BOB, LEA). */
async function member(dir: string, server: CouchServer, user: (typeof USERS)[number]): Promise<Agent> {
  const eb = await launchWithExtension({ extensionDir: dir });
  await closeInstallTab(eb);
  const options = await openPage(eb, 'options.html');
  await joinTeam(options, server, user);
  return { eb, options };
}

const syncNow = async (a: Agent) => {
  const r = await sendFromPage<SyncStatus>(a.options, 'syncNow', {});
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** Waits until an element in the sidebar matches (and its text, when given). */
async function sidebarHas(page: Page, selector: string, text?: RegExp): Promise<void> {
  await waitForSidebar(
    page,
    (root: ShadowRoot, sel: string, source: string | null) => {
      const el = root.querySelector(sel);
      return !!el && (source === null || new RegExp(source).test(el.textContent ?? ''));
    },
    WAIT,
    selector,
    text ? text.source : null,
  );
}
const click = async (page: Page, selector: string) => {
  await sidebarHas(page, selector);
  await (await inSidebar(page, selector)).click();
};

describe('a shared inbox worked from three browsers', () => {
  let server: CouchServer;
  let dir: string;
  let ana: Agent;
  let bob: Agent;
  let lea: Agent;
  const mailbox = demoMailbox(new Date());
  const url = (id: string) => mailbox.stops.find((s) => s.thread?.id === id)!.url;
  const open = async (who: Agent, id: string) => {
    const page = await who.eb.openMailPage(url(id), mailbox.router);
    await page.bringToFront();
    await sidebarHas(page, '[data-testid="owner-card"]');
    return page;
  };

  beforeAll(async () => {
    server = await startCouchServer();
    await setupTeamDatabase(new CouchClient({ url: server.url, db: server.db, fetch: (i, init) => fetch(i, init), basicAuth: server.adminAuth }), USERS);
    dir = extensionWithServerAccess();
    ana = await member(dir, server, USERS[0]);
    bob = await member(dir, server, USERS[1]);
    lea = await member(dir, server, USERS[2]);
  });
  afterAll(async () => {
    for (const a of [ana, bob, lea]) await a?.eb.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('each sees the other on the conversation, then that the other is replying; inserting and sending ask first', async () => {
    const anaPage = await open(ana, 'p09-refund-kettle-rude');
    const bobPage = await open(bob, 'p09-refund-kettle-rude');
    await sidebarHas(bobPage, '[data-testid="presence"] li', /^ANA is viewing this conversation/);
    await sidebarHas(anaPage, '[data-testid="presence"] li', /^BOB is viewing this conversation/);

    await anaPage.bringToFront();
    await anaPage.click('[contenteditable="true"]');
    await anaPage.keyboard.type('Dear Kev, ');
    await sidebarHas(bobPage, '[data-testid="presence"] li[data-state="replying"]', /^ANA is replying — (just now|1 min)$/);

    await bobPage.bringToFront();
    await click(bobPage, '[data-testid="suggested-templates"] button.template');
    await sidebarHas(bobPage, '[data-testid="reply-warning"]', /ANA \(for .*\) is writing a reply to this customer\. Insert the template anyway\?/);
    await click(bobPage, '[data-testid="reply-warning"] button:not([data-action])');
    const editorBefore = await bobPage.$eval('[contenteditable="true"]', (el) => el.textContent ?? '');

    let sends = 0;
    await bobPage.exposeFunction('countSend', () => (sends += 1));
    await bobPage.evaluate(() => document.querySelector('div[role="button"].aoO')?.addEventListener('click', () => (window as unknown as { countSend(): void }).countSend()));
    await bobPage.click('div[role="button"].aoO');
    await sidebarHas(bobPage, '[data-testid="reply-warning"]', /Send yours anyway\?/);
    expect(sends).toBe(0);
    await click(bobPage, '[data-testid="reply-warning"] button[data-action="confirm"]');
    await expect.poll(() => sends, { timeout: 10_000 }).toBe(1);
    expect(await bobPage.$eval('[contenteditable="true"]', (el) => el.textContent ?? '')).toBe(editorBefore);

    // The other way: Bob types in his reply; Ana sees him replying, and her insert asks first too.
    await bobPage.click('[contenteditable="true"]');
    await bobPage.keyboard.type(' Thanks, Bob');
    await sidebarHas(anaPage, '[data-testid="presence"] li[data-state="replying"]', /^BOB is replying — (just now|1 min)$/);
    await anaPage.bringToFront();
    await click(anaPage, '[data-testid="suggested-templates"] button.template');
    await sidebarHas(anaPage, '[data-testid="reply-warning"]', /BOB \(for .*\) is writing a reply to this customer\. Insert the template anyway\?/);
    await click(anaPage, '[data-testid="reply-warning"] button:not([data-action])');

    // Ana closes her tab: Bob's banner clears at once (the tab's port closed), not after the expiry.
    await anaPage.close();
    await waitForSidebar(bobPage, (root: ShadowRoot) => !root.querySelector('[data-testid="presence"] li'), WAIT);
    await bobPage.close();
  });

  it('a claim reaches the team; the lead reassigns; a note mentions the new owner', async () => {
    const anaPage = await open(ana, 'p16-saturday-delivery');
    const leaPage = await open(lea, 'p16-saturday-delivery');
    await click(anaPage, 'button[data-action="claim"]');
    await sidebarHas(anaPage, '[data-testid="owner"]', /You/);
    // Pushed as made; the lead's open tab takes it from the live feed.
    await sidebarHas(leaPage, '[data-testid="owner"]', /ANA/);
    await click(leaPage, 'button[data-action="assign"]');
    await sidebarHas(leaPage, '[data-testid="owner-to"]');
    const select = (await inSidebar(leaPage, '[data-testid="owner-to"]')) as ElementHandle<HTMLSelectElement>;
    await select.select('bob');
    await click(leaPage, '[data-testid="owner-card"] form button[type="submit"]');
    await sidebarHas(leaPage, '[data-testid="owner"]', /BOB/);

    // Ana's open tab shows the reassignment without a reload.
    await sidebarHas(anaPage, '[data-testid="owner"]', /BOB/);
    expect(await sidebarText(anaPage, '[data-testid="owner"]')).toContain('from LEA');

    // Ana leaves a note for Bob.
    await click(anaPage, '[data-testid="note-input"]');
    await anaPage.keyboard.type('Refund approved by finance, @bob please confirm to the customer');
    await click(anaPage, '[data-testid="notes"] button[type="submit"]');
    await sidebarHas(anaPage, '[data-testid="notes"] .note-list li');

    const bobPage = await open(bob, 'p16-saturday-delivery');
    await sidebarHas(bobPage, '[data-testid="owner"]', /You/);
    await sidebarHas(bobPage, '[data-testid="notes"] .note-list li', /Refund approved by finance/);
    await sidebarHas(bobPage, '[data-testid="mentions-unseen"]', /^1$/);
    await click(bobPage, '#tab-mentions');
    await sidebarHas(bobPage, '[data-testid="mentions"] li', /ANA.*Refund approved/s);
    // A note is never put into a reply: Bob's editor has none of it.
    expect(await bobPage.$eval('[contenteditable="true"]', (el) => el.textContent ?? '').catch(() => '')).not.toContain('Refund approved');
    // …and, with the setting on (the default), a browser notification.
    const worker = await bob.eb.serviceWorker();
    const notified = await worker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll()));
    expect(notified.some((id) => id.startsWith('caseline-mention-'))).toBe(true);

    // The lead's dashboard counts cases per owner and the reassignment.
    await syncNow(lea);
    const dashboard = await openPage(lea.eb, 'dashboard.html');
    await dashboard.waitForSelector('#dashboard[data-ready="true"]', { timeout: 30_000 });
    await dashboard.click('[data-testid="source-team"]');
    await dashboard.waitForSelector('#dashboard[data-source="team"][data-ready="true"] [data-testid="owners"]', { timeout: 30_000 });
    const figure = (metric: string) => dashboard.$eval(`[data-metric="${metric}"]`, (el) => Number((el as HTMLElement).dataset.value));
    expect(await figure('owner:bob.owned')).toBe(1);
    expect(await figure('owner:ana.claimed')).toBe(1);
    expect(await figure('ownership.reassignments')).toBe(1);
    for (const p of [anaPage, leaPage, bobPage, dashboard]) await p.close();
  });

  it('two claims made while the server was down settle on the earlier one on both machines', async () => {
    const anaPage = await open(ana, 'p01-late-delivery');
    const bobPage = await open(bob, 'p01-late-delivery');
    await server.stopServer();
    await click(anaPage, 'button[data-action="claim"]');
    await sidebarHas(anaPage, '[data-testid="owner"]', /You/);
    // Ties would go to the handle that sorts first (ana) too: the order is never left to chance.
    await click(bobPage, 'button[data-action="claim"]');
    await sidebarHas(bobPage, '[data-testid="owner"]', /You/);
    await server.restart();

    await syncNow(bob);
    await syncNow(ana);
    await syncNow(bob);
    await sidebarHas(anaPage, '[data-testid="owner"]', /You/);
    await sidebarHas(bobPage, '[data-testid="owner"]', /ANA/);
    await sidebarHas(bobPage, '[data-testid="owner-card"] .overridden', /ANA already had this case when you claimed it/);
    for (const p of [anaPage, bobPage]) await p.close();
  });
});
