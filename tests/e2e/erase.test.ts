/**
 * Erase means erased, in Chromium, through the extension's own pages. Every place the extension
 * keeps data is filled the way an agent fills it: settings and a template in Options; cases,
 * events, a category override, a reference number, an inserted template, a resolution and an
 * outcome in the sidebar; the sidebar's width; chips in the conversation list; notifications and
 * the badge from the deadlines; the dashboard's packs. Then "Erase this customer" leaves nothing
 * about that customer in any IndexedDB store, in storage, in the notifications on screen or in
 * the open tabs, and loses nothing of anyone else; "Erase everything" refuses while a customer
 * erasure cannot reach the team server, and after the agent disconnects, leaves nothing at all.
 *
 * One step is not done through the UI: connecting the team server needs the browser's
 * permission prompt, which a headless Chromium cannot answer. The sync settings are saved
 * through the same message the options page sends, and the password put where the background
 * keeps it (storage.session); tests/unit/privacy/erase-everywhere.test.ts runs the real
 * connection, sign-out and erasure requests against a CouchDB-compatible server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { CaselineSettings } from '../../utils/settings/settings';
import { demoMailbox, type DemoStop } from '../../scripts/demo/demo-mailbox';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { fill, openPage, sendFromPage } from './support/extension-pages';
import { extensionState, tracesIn, type ExtensionState } from './support/extension-state';
import { inSidebar, onSidebar, waitForSidebar } from './support/sidebar-root';

const mailbox = demoMailbox(new Date());
const stop = (id: string): DemoStop => mailbox.stops.find((s) => s.thread?.id === id)!;
const A = stop('p09-refund-kettle-rude');
const B = stop('p02-ombudsman-billing');
const COMPANY = 'Kettlewise Appliances Ltd';
const TEMPLATE = 'Erasure test template body about loyalty points';
/** An internal note on customer A's case (shared inbox): it goes with the customer. */
const NOTE = 'Internal note: courier lost the replacement kettle';

const traces = (s: DemoStop) => [s.thread!.customer.email, s.thread!.subject, `${s.host}:${s.threadId}`, s.threadId!];

let eb: ExtensionBrowser;
let tabA: Page;
let list: Page;

beforeAll(async () => {
  eb = await launchWithExtension();
  await eb.serviceWorker();
  await closeInstallTab(eb);
}, 120_000);
afterAll(async () => {
  await eb?.close();
});

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function optionsPage(): Promise<Page> {
  const page = await openPage(eb, 'options.html');
  await page.waitForSelector('[data-testid="save-settings"]');
  return page;
}

describe('erase means erased', () => {
  it('fills every place through the extension’s own pages', async () => {
    // Options: a company name, warnings a day ahead, and a template of the team's own.
    const options = await optionsPage();
    await fill(options, '#field-company-name', COMPANY);
    await fill(options, '#field-notifications-leadMinutes', '1440');
    await options.click('[data-testid="save-settings"]');
    await options.waitForFunction(() => /saved/i.test(document.querySelector('[data-testid="save-status"]')?.textContent ?? ''), { timeout: 10_000 });
    await options.click('[data-testid="new-template"]');
    await options.waitForSelector('#field-template-name');
    await fill(options, '#field-template-name', 'Loyalty points');
    await fill(options, '#field-template-body', `Hello {{customer.firstName}}. ${TEMPLATE}.`);
    await options.click('form[aria-labelledby="template-form-title"] button[type="submit"]');
    await options.waitForSelector('button[aria-label="Approve Loyalty points"]');
    await options.close();

    // The mailbox: customer A's complaint in Gmail, worked through to its outcome.
    tabA = await eb.openMailPage(A.url, mailbox.router);
    await tabA.bringToFront();
    await inSidebar(tabA, '[data-testid="category"]', 20_000);
    await until(async () => (await extensionState(eb)).notifications.some((id) => id.startsWith(`gmail:${A.threadId}@`)), 'a notification about customer A');
    const before = await onSidebar(tabA, (root) => root.querySelector('[data-testid="category"]')?.textContent);
    await (await inSidebar(tabA, `button[data-category="${before === 'Support request' ? 'complaint' : 'support'}"]`)).click();
    await waitForSidebar(tabA, (root) => /Set by an agent/.test(root.querySelector('.why')?.textContent ?? ''), { timeout: 10_000 });
    await (await inSidebar(tabA, 'button[data-action="acknowledge"]')).click();
    await waitForSidebar(tabA, (root) => root.querySelector('[data-testid="stage"]')?.textContent === 'Acknowledged', { timeout: 10_000 });
    await tabA.click('div[g_editable="true"][role="textbox"]');
    await (await inSidebar(tabA, '[data-testid="suggested-templates"] button')).click();
    await waitForSidebar(tabA, (root) => /Inserted|needs|value/i.test(root.textContent ?? ''), { timeout: 10_000 });
    await (await inSidebar(tabA, 'button[data-action="resolve"]')).click();
    await (await inSidebar(tabA, 'form.subform textarea')).type('Replaced the kettle');
    await (await inSidebar(tabA, 'form.subform button[type="submit"]')).click();
    await waitForSidebar(tabA, (root) => root.querySelector('[data-testid="stage"]')?.textContent === 'Resolved', { timeout: 10_000 });
    // The outcome form is open once the case is resolved.
    await (await inSidebar(tabA, 'input[name="csat"][value="2"]')).click();
    await (await inSidebar(tabA, 'details:has(input[name="csat"]) textarea')).type('Customer said the kettle smelled of smoke');
    await (await inSidebar(tabA, 'details:has(input[name="csat"]) button[type="submit"]')).click();
    await until(async () => ((await extensionState(eb)).stores.outcomes ?? []).length > 0, 'the outcome');
    // The shared inbox: the agent claims the case and writes an internal note on it.
    await (await inSidebar(tabA, 'button[data-action="claim"]')).click();
    await waitForSidebar(tabA, (root) => /You/.test(root.querySelector('[data-testid="owner"]')?.textContent ?? ''), { timeout: 10_000 });
    await (await inSidebar(tabA, '[data-testid="note-input"]')).type(NOTE);
    await (await inSidebar(tabA, '[data-testid="notes"] button[type="submit"]')).click();
    await waitForSidebar(tabA, (root) => root.querySelectorAll('[data-testid="notes"] .note-list li').length === 1, { timeout: 10_000 });
    // The sidebar's width and collapsed state.
    await (await inSidebar(tabA, 'button[aria-label="Collapse the sidebar"]')).click();
    await (await inSidebar(tabA, 'button.expand')).click();

    // Customer B in Outlook, and the Gmail conversation list with its chips.
    const tabB = await eb.openMailPage(B.url, mailbox.router);
    await inSidebar(tabB, '[data-testid="category"]', 20_000);
    await tabB.close();
    list = await eb.openMailPage('https://mail.google.com/mail/u/0/#inbox', mailbox.router);
    await list.waitForFunction(() => document.querySelectorAll('caseline-chip').length > 3, { timeout: 20_000 });

    // The dashboard stores its packs, and the view it showed (painted first on its next visit).
    const dashboard = await openPage(eb, 'dashboard.html');
    await dashboard.waitForFunction(() => /\d/.test(document.querySelector('main')?.textContent ?? ''), { timeout: 20_000 });
    await until(async () => ((await extensionState(eb)).stores.packs ?? []).some((p) => (p as { rows: { count: number } }).rows.count > 0), 'the dashboard pack');
    await until(async () => ((await extensionState(eb)).stores.views ?? []).length > 0, 'the dashboard’s kept view');
    await dashboard.close();

    // Team sync on (see the note at the top): records queue for the team, the password is in session storage.
    const page = await optionsPage();
    const current = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
    if (!current.ok) throw new Error(current.error);
    const saved = await sendFromPage(page, 'saveSettings', { settings: { ...current.value, sync: { enabled: true, url: 'https://couch.erase-test.invalid', db: 'caseline', user: 'ann' } } });
    expect(saved.ok).toBe(true);
    await page.close();
    await (await eb.serviceWorker()).evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { set(o: object): Promise<void> } } } }).chrome.storage.session.set({ 'caseline.sync.secret': 'ann-password' }));
    // A write with sync on queues records for the team.
    await tabA.bringToFront();
    await (await inSidebar(tabA, 'button[data-action="followUp"]')).click();
    await waitForSidebar(tabA, (root) => root.querySelector('[data-testid="stage"]')?.textContent === 'Followed up', { timeout: 10_000 });

    const state = await extensionState(eb);
    for (const store of ['cases', 'events', 'outcomes', 'templates', 'settings', 'outbox', 'counters', 'corrections', 'meta', 'digests', 'packs', 'views', 'ownership', 'notes', 'threads']) {
      expect(state.stores[store]?.length ?? 0, `${store} filled`).toBeGreaterThan(0);
    }
    expect(Object.keys(state.local).sort()).toEqual(['caseline.holidayCountry', 'caseline.sidebar.calendar', 'caseline.sidebar.ui']);
    // storage.local is readable by the content scripts: nothing in it names a case.
    for (const c of [A, B]) expect(tracesIn(state.local, traces(c)), c.name).toEqual([]);
    expect((state.stores.meta as Array<{ key: string; value: string[] }>).find((r) => r.key === 'notifiedDeadlines')?.value.some((e) => e.startsWith(`gmail:${A.threadId}@`))).toBe(true);
    // The password, and (when the minute's deadline check has stored it) the badge's schedule: a count, no case.
    expect(Object.keys(state.session)).toContain('caseline.sync.secret');
    for (const key of Object.keys(state.session)) expect(['caseline.sync.secret', 'caseline.badgeSchedule', 'caseline.atRiskNotified']).toContain(key);
    for (const c of [A, B]) expect(tracesIn(state.session, traces(c)), c.name).toEqual([]);
    expect(state.notifications.length).toBeGreaterThan(0);
    expect(state.badge).not.toBe('');
    for (const c of [A, B]) expect(tracesIn(state, traces(c)).length, `${c.name} is in the extension`).toBeGreaterThan(2);
    expect(JSON.stringify(state)).toContain(COMPANY);
    expect(JSON.stringify(state)).toContain(TEMPLATE);
    expect(JSON.stringify(state.stores.notes)).toContain(NOTE);
  });

  it('“Erase this customer” leaves nothing about them anywhere, and everything of everyone else', async () => {
    const options = await optionsPage();
    await fill(options, '#field-data-eraseEmail', A.thread!.customer.email.toUpperCase());
    await options.click('button::-p-text(Erase this customer)');
    await options.waitForFunction(() => /Erased 1 case\(s\) of .* The team server is asked to erase its copy too\./.test(document.body.textContent ?? ''), { timeout: 10_000 });
    await options.close();

    const state = await extensionState(eb);
    // The one thing left is the erasure request for the team server: case keys only.
    const erasures = (state.stores.outbox as Array<{ kind: string }>).filter((i) => i.kind === 'erasure');
    expect(erasures).toHaveLength(1);
    const rest = JSON.stringify(state).replace(JSON.stringify(erasures[0]), '');
    for (const t of traces(A)) expect(rest.includes(t), `still holds ${t}`).toBe(false);
    // The customer's note and claim went with the case (the thread's records, by its thread key).
    expect(rest.includes(NOTE), 'still holds the note').toBe(false);
    expect(state.stores.ownership, 'ownership').toEqual([]);
    expect(state.stores.threads?.some((t) => (t as { caseId: string }).caseId === `gmail:${A.threadId}`)).toBe(false);
    expect(state.notifications.some((id) => id.includes(A.threadId!))).toBe(false);
    expect(tracesIn(state, traces(B)).length).toBeGreaterThan(2);
    expect(JSON.stringify(state)).toContain(COMPANY);
    // The dashboard's kept figures counted the customer's case: gone until the next visit.
    expect(state.stores.views).toEqual([]);
    // The open tab that showed the case drops it; the list drops its chip.
    await waitForSidebar(tabA, (root) => /Erased: Caseline keeps nothing of this conversation/.test(root.textContent ?? ''), { timeout: 10_000 });
    expect(await onSidebar(tabA, (root) => root.querySelector('[data-testid="category"]'))).toBeNull();
    await list.waitForFunction((id: string) => ![...document.querySelectorAll<HTMLElement>('caseline-chip')].some((c) => c.dataset.caseId === id), { timeout: 10_000 }, `gmail:${A.threadId}`);
  });

  it('“Erase everything” refuses while a customer erasure cannot reach the team server, and says what to do', async () => {
    const before = await extensionState(eb);
    const options = await optionsPage();
    await fill(options, '#field-data-eraseConfirm', 'ERASE');
    await options.click('button::-p-text(Erase everything)');
    await options.waitForFunction(() => /Nothing was erased: 1 customer erasure request has not reached the team server yet\..*disconnect team sync first/.test(document.body.textContent ?? ''), { timeout: 20_000 });
    await options.close();
    const after = await extensionState(eb);
    for (const store of ['cases', 'events', 'templates', 'settings']) expect(after.stores[store], store).toEqual(before.stores[store]);
    expect(after.session).toEqual(before.session);
  });

  it('after disconnecting, “Erase everything” leaves nothing at all: no store, no storage, no notification, no badge, no tab', async () => {
    // An open dashboard shows the cases until the erasure, and takes them down without a reload.
    const dashboard = await eb.openExtensionPage('/dashboard.html');
    await dashboard.waitForSelector('#dashboard[data-ready="true"] [data-testid="team-figures"]', { timeout: 20_000 });
    const options = await optionsPage();
    await options.click('#sync button::-p-text(Disconnect)');
    await options.waitForFunction(() => /Disconnected/.test(document.body.textContent ?? ''), { timeout: 10_000 });
    await fill(options, '#field-data-eraseConfirm', 'ERASE');
    await options.click('button::-p-text(Erase everything)');
    await options.waitForFunction(() => /Everything Caseline kept in this browser was erased\./.test(document.body.textContent ?? ''), { timeout: 20_000 });
    await options.close();

    const state: ExtensionState = await extensionState(eb);
    for (const [store, rows] of Object.entries(state.stores)) {
      if (store === 'meta') expect((rows as Array<{ key: string }>).map((r) => r.key).filter((k) => k !== 'templatesSeeded'), store).toEqual(['syncSalt']);
      else if (store === 'packs') expect((rows as Array<{ rows: { count: number } }>).map((p) => p.rows.count), store).toEqual([0, 0]);
      // The open dashboard asks again after the erasure: the view it may keep now has no case in it.
      else if (store === 'views') expect((rows as Array<{ view: { totalCases: number } }>).map((v) => v.view.totalCases), store).toEqual(rows.length === 0 ? [] : [0]);
      // The background makes fresh defaults the moment it needs settings again (a deadline check): nothing of ours.
      else if (store === 'settings' || store === 'templates') expect(JSON.stringify(rows), store).not.toMatch(new RegExp(`${COMPANY}|${TEMPLATE}|couch\\.erase-test|"leadMinutes":1440`));
      else expect(rows, store).toEqual([]);
    }
    expect(state.local).toEqual({});
    // Only the badge's schedule may be back already (a count and a time, written by the next deadline check).
    expect(Object.keys(state.session).filter((k) => k !== 'caseline.badgeSchedule')).toEqual([]);
    expect(state.notifications).toEqual([]);
    expect(state.badge).toBe('');
    for (const c of [A, B]) expect(tracesIn(state, traces(c)), c.name).toEqual([]);
    // Open mailbox tabs drop what they showed, and the open dashboard has no case left to show.
    await list.waitForFunction(() => document.querySelectorAll('caseline-chip').length === 0, { timeout: 10_000 });
    await dashboard.waitForSelector('#dashboard[data-ready="true"] [data-testid="empty-state"]', { timeout: 10_000 });
    await dashboard.close();
  });
});
