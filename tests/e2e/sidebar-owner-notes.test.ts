/**
 * The shared inbox's sidebar in one browser (team sync off, so everything stays on this
 * browser): the owner card (claim, release), a team note written with the @ autocomplete and
 * kept across a reload, the ownership change on the case's record, the queue's Mine /
 * Unassigned / Everyone's views with the owner on each row, and the owner's initials on the
 * conversation list's chip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { inSidebar, onSidebar, sidebarText, waitForSidebar } from './support/sidebar-root';
import { openPage, sendFromPage } from './support/extension-pages';
import { demoMailbox, type DemoStop } from '../../scripts/demo/demo-mailbox';
import type { CaselineSettings } from '../../utils/settings/settings';

let eb: ExtensionBrowser;
const mailbox = demoMailbox(new Date());
const stop = (id: string): DemoStop => {
  const s = mailbox.stops.find((x) => x.thread?.id === id);
  if (!s) throw new Error(`no demo stop ${id}`);
  return s;
};
const WAIT = { timeout: 20_000 };

beforeAll(async () => {
  eb = await launchWithExtension();
  await closeInstallTab(eb);
  // The agent's name, as onboarding would set it.
  const options = await openPage(eb, 'options.html');
  const current = await sendFromPage<CaselineSettings>(options, 'getSettings', {});
  if (!current.ok) throw new Error(current.error);
  const saved = await sendFromPage<CaselineSettings>(options, 'saveSettings', { settings: { ...current.value, onboarded: true, agent: { ...current.value.agent, name: 'Sam Rivera' } } });
  if (!saved.ok) throw new Error(saved.error);
  await options.close();
});
afterAll(async () => {
  await eb?.close();
});

/** Waits until the text of an element in the sidebar matches. */
const sidebarMatches = (page: Page, selector: string, text: RegExp) =>
  waitForSidebar(page, (root: ShadowRoot, sel: string, source: string) => new RegExp(source).test(root.querySelector(sel)?.textContent ?? ''), WAIT, selector, text.source);
/** Every matching element's text in the sidebar. */
const sidebarTexts = (page: Page, selector: string) => onSidebar(page, (root: ShadowRoot, sel: string) => [...root.querySelectorAll(sel)].map((e) => `${(e as HTMLElement).dataset.scope ? `${(e as HTMLElement).dataset.scope}:` : ''}${e.textContent ?? ''}`), selector);

async function openThread(id: string): Promise<Page> {
  const page = await eb.openMailPage(stop(id).url, mailbox.router);
  await page.bringToFront();
  await inSidebar(page, '[data-testid="owner-card"]');
  return page;
}

const ownerText = (page: Page) => sidebarText(page, '[data-testid="owner"]');

describe('owner card', () => {
  it('claims an unassigned case, puts the claim on record, and releases it', async () => {
    const page = await openThread('p09-refund-kettle-rude');
    expect(await ownerText(page)).toContain('Unassigned');
    expect(await sidebarText(page, '[data-testid="owner-card"]')).toContain('Team sync is off');
    await (await inSidebar(page, 'button[data-action="claim"]')).click();
    await sidebarMatches(page, '[data-testid="owner"]', /You/);
    expect(await sidebarText(page, '[data-testid="owner-card"] details')).toContain('Sam Rivera claimed it');
    // On the case's own record too.
    expect(await sidebarText(page, 'ol.history')).toBeTruthy();
    const history = await sidebarTexts(page, 'ol.history li');
    expect(history.some((h) => h.includes('Claimed'))).toBe(true);

    await (await inSidebar(page, 'button[data-action="release"]')).click();
    await sidebarMatches(page, '[data-testid="owner"]', /Unassigned/);
    await page.close();
  });
});

describe('team notes', () => {
  it('writes a note with the @ autocomplete; it stays after a reload and never enters the reply', async () => {
    const page = await openThread('p16-saturday-delivery');
    const input = await inSidebar(page, '[data-testid="note-input"]');
    await input!.click();
    await page.keyboard.type('Promised a call back tomorrow, cc @Sa');
    const option = await inSidebar(page, '#mention-list [role="option"]');
    expect(await option!.evaluate((el) => el.textContent ?? '')).toContain('Sam Rivera');
    await page.keyboard.press('Enter');
    const typed = await input!.evaluate((el) => (el as HTMLTextAreaElement).value);
    expect(typed).toMatch(/^Promised a call back tomorrow, cc @agent-[^ ]+ $/);
    await (await inSidebar(page, '[data-testid="notes"] button[type="submit"]')).click();
    await waitForSidebar(page, (root: ShadowRoot) => root.querySelectorAll('[data-testid="notes"] .note-list li').length === 1, WAIT);
    expect(await input!.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe('');
    expect(await sidebarText(page, '[data-testid="notes"] .note-list mark.mention')).toMatch(/^@agent-/);

    await page.reload({ waitUntil: 'domcontentloaded' });
    await inSidebar(page, '[data-testid="notes"] .note-list li');
    expect(await sidebarText(page, '[data-testid="notes"] .note-list')).toContain('Promised a call back tomorrow');
    const editorText = await page.evaluate(() => document.querySelector('[contenteditable="true"]')?.textContent ?? '');
    expect(editorText).not.toContain('Promised a call back');
    await page.close();
  });
});

describe('queue scopes and list chips', () => {
  it('shows Mine, Unassigned and Everyone’s with the owner on each row, and the owner on the list chip', async () => {
    const page = await openThread('p01-late-delivery');
    await (await inSidebar(page, 'button[data-action="claim"]')).click();
    await sidebarMatches(page, '[data-testid="owner"]', /You/);
    await (await inSidebar(page, '#tab-queue')).click();
    await inSidebar(page, '[data-testid="queue"] li');
    const counts = await sidebarTexts(page, '[data-testid="queue-scopes"] button');
    expect(counts.find((c) => c.startsWith('mine:'))).toMatch(/Mine\s*1$/);
    await (await inSidebar(page, 'button[data-scope="mine"]')).click();
    const mine = await sidebarTexts(page, '[data-testid="queue"] li');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain('You');
    await (await inSidebar(page, 'button[data-scope="unassigned"]')).click();
    const unassigned = await sidebarTexts(page, '[data-testid="queue"] li');
    expect(unassigned.every((t) => t.includes('Unassigned'))).toBe(true);
    await page.close();

    const list = await eb.openMailPage(mailbox.entryPages.find((p) => p.host === 'gmail')!.url, mailbox.router);
    await list.waitForFunction(() => [...document.querySelectorAll('caseline-chip')].some((c) => (c as HTMLElement).dataset.owner), WAIT);
    const labels = await list.$$eval('caseline-chip', (els) => els.filter((e) => (e as HTMLElement).dataset.owner).map((e) => (e as HTMLElement).dataset.label ?? ''));
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatch(/ · SR$/);
    await list.close();
  });
});
