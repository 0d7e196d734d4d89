/**
 * The core path an agent and a team lead walk, the same in Chromium and in Firefox ESR (over
 * WebDriver BiDi), each with its own build of the extension: the sidebar on a Gmail and an
 * Outlook practice thread at the hosts' real addresses, with its category and one countdown per
 * target; an approved template inserted at the caret of the reply editor, between what the agent
 * had typed; an outcome recorded that is still there after a reload; the options page showing the
 * saved settings and saving a change; the dashboard counting the cases and the outcome; and no
 * uncaught error from the extension's code on the way (Firefox reports every one of them, Chromium
 * those of its pages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { closeInstallTab, launchWithExtension, type BrowserName, type ExtensionBrowser } from './support/launch-browser';
import { inSidebar, onSidebar, sidebarText, waitForSidebar } from './support/sidebar-root';
import { fill, openPage, sendFromPage } from './support/extension-pages';
import { demoMailbox, type DemoStop } from '../../scripts/demo/demo-mailbox';
import type { CaselineSettings } from '../../utils/settings/settings';

const BROWSERS: BrowserName[] = ['chrome', 'firefox'];
const GMAIL_EDITOR = 'div[g_editable="true"][role="textbox"]';
const OUTLOOK_EDITOR = 'div[role="textbox"][contenteditable="true"]';

const mailbox = demoMailbox(new Date());
const stop = (id: string): DemoStop => {
  const s = mailbox.stops.find((x) => x.thread?.id === id);
  if (!s) throw new Error(`no demo stop ${id}`);
  return s;
};

const countdownTargets = async (page: Page) => {
  await inSidebar(page, 'li.countdown');
  return onSidebar(page, (root) => Array.from(root.querySelectorAll('li.countdown')).map((e) => `${(e as HTMLElement).dataset.target}:${(e as HTMLElement).dataset.state}`));
};

const sidebarHas = (page: Page, selector: string, pattern: RegExp, timeout = 15_000) =>
  waitForSidebar(page, (root, sel: string, source: string) => new RegExp(source).test(root.querySelector(sel)?.textContent ?? ''), { timeout }, selector, pattern.source);

describe.each(BROWSERS)('the core path in %s', (name) => {
  let eb: ExtensionBrowser;

  beforeAll(async () => {
    eb = await launchWithExtension({ browser: name });
    await closeInstallTab(eb);
  });
  afterAll(async () => {
    await eb?.close();
  });

  async function openThread(id: string): Promise<Page> {
    const page = await eb.openMailPage(stop(id).url, mailbox.router);
    await page.bringToFront();
    await inSidebar(page, '[data-testid="category"]', 20_000);
    return page;
  }

  /**
   * Types "BEFORE AFTER" where a click puts the caret, moves the caret between the two words and
   * inserts the first suggested template there. Returns the template's name and the text that
   * arrived between the words; everything around it must be as the agent left it.
   */
  async function insertBetweenWords(page: Page, editor: string): Promise<{ name: string; inserted: string }> {
    const text = () => page.$eval(editor, (e) => (e.textContent ?? '').replace(/\u00a0/g, ' '));
    await page.click(editor);
    await page.keyboard.type('BEFORE AFTER');
    for (let i = 0; i < 'AFTER'.length; i += 1) await page.keyboard.press('ArrowLeft');
    const typed = await text();
    const at = typed.indexOf('BEFORE AFTER') + 'BEFORE '.length;
    expect(at).toBeGreaterThanOrEqual('BEFORE '.length);
    const [head, tail] = [typed.slice(0, at), typed.slice(at)];

    const button = await inSidebar(page, '[data-testid="suggested-templates"] button');
    const templateName = (await button.evaluate((b) => b.textContent ?? '')).trim();
    await button.click();
    await page.waitForFunction((sel: string, was: number) => (document.querySelector(sel)?.textContent ?? '').length > was + 40, { timeout: 15_000, polling: 50 }, editor, typed.length);
    const after = await text();
    expect(after.startsWith(head)).toBe(true);
    expect(after.endsWith(tail)).toBe(true);
    return { name: templateName, inserted: after.slice(head.length, after.length - tail.length) };
  }

  it('Gmail: the sidebar shows the category and countdowns, and a template lands at the caret with its values filled', async () => {
    const page = await openThread('p09-refund-kettle-rude');
    expect(await sidebarText(page, '[data-testid="category"]')).toBe('Complaint');
    expect(await sidebarText(page, '[data-testid="stage"]')).toBe('Received');
    const targets = await countdownTargets(page);
    expect(targets.map((t) => t.split(':')[0])).toEqual(expect.arrayContaining(['acknowledge', 'respond', 'resolve']));
    expect(targets.filter((t) => /^(acknowledge|respond|resolve):/.test(t)).every((t) => /:(running|due_soon)$/.test(t))).toBe(true);
    expect(await sidebarText(page, 'li.countdown[data-target="resolve"] .due')).toMatch(/^due /);

    const outside = () =>
      page.evaluate((sel: string) => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        clone.querySelector(sel)?.remove();
        clone.querySelectorAll('caseline-sidebar').forEach((n) => n.remove());
        return clone.textContent;
      }, GMAIL_EDITOR);
    const pageBefore = await outside();

    // The apology quotes the complaint's reference: inserting it acknowledges the complaint.
    const inserted = await insertBetweenWords(page, GMAIL_EDITOR);
    expect(inserted.name).toMatch(/apolog/i);
    await sidebarHas(page, '[data-testid="reference"]', /^CMP-/);
    await sidebarHas(page, '[data-testid="stage"]', /^Acknowledged$/);
    const reference = await sidebarText(page, '[data-testid="reference"]');
    expect(inserted.inserted).toContain(reference);
    expect(inserted.inserted).toContain('Kev');
    expect(inserted.inserted).not.toMatch(/\{\{/);
    expect(await outside()).toBe(pageBefore);
    await sidebarHas(page, '.notice', /Inserted/);
    await page.close();
  });

  it('Outlook: the sidebar shows the category, the flags and countdowns, and a template lands at the caret', async () => {
    const page = await openThread('p02-ombudsman-billing');
    expect(await sidebarText(page, '[data-testid="category"]')).toBe('Complaint');
    expect(await sidebarText(page, '[data-testid="escalation-flags"]')).toMatch(/ombudsman|solicitor/i);
    const targets = await countdownTargets(page);
    expect(targets.map((t) => t.split(':')[0])).toEqual(expect.arrayContaining(['acknowledge', 'resolve']));
    const inserted = await insertBetweenWords(page, OUTLOOK_EDITOR);
    expect(inserted.name).toMatch(/apolog/i);
    await sidebarHas(page, '[data-testid="reference"]', /^CMP-/);
    expect(inserted.inserted).toContain(await sidebarText(page, '[data-testid="reference"]'));
    expect(inserted.inserted).toContain('Graham');
    expect(inserted.inserted).not.toMatch(/\{\{/);
    await sidebarHas(page, '.notice', /Inserted/);
    await page.close();
  });

  it('records an outcome, still shown after a reload', async () => {
    const page = await openThread('p09-refund-kettle-rude');
    await (await inSidebar(page, 'button[data-action="resolve"]')).click();
    const summary = await inSidebar(page, 'form.subform textarea');
    await summary.type('Refund for the kettle sent');
    await (await inSidebar(page, 'form.subform button[type="submit"]:not([disabled])')).click();
    await sidebarHas(page, '[data-testid="stage"]', /^Resolved$/);

    await (await inSidebar(page, 'details.card input[name="csat"][value="4"]')).click();
    await (await inSidebar(page, 'details.card form button[type="submit"]:not([disabled])')).click();
    await sidebarHas(page, 'details.card summary', /CSAT 4\/5/);

    await page.reload({ waitUntil: 'domcontentloaded' });
    await inSidebar(page, '[data-testid="category"]', 20_000);
    expect(await sidebarText(page, '[data-testid="stage"]')).toBe('Resolved');
    expect(await sidebarText(page, 'details.card summary')).toContain('CSAT 4/5');
    await page.close();
  });

  it('the options page opens with the saved settings and saves a change', async () => {
    const page = await openPage(eb, 'options.html');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-settings"]') !== null, { timeout: 15_000, polling: 50 });
    expect(await page.$('[role="alert"]')).toBeNull();
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Caseline settings');
    await fill(page, '#field-agent-prefix', 'FX2');
    await page.click('[data-testid="save-settings"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Settings saved.', { timeout: 15_000, polling: 50 });
    const saved = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
    expect(saved.ok && saved.value.agent.prefix).toBe('FX2');
    await page.close();
  });

  it('the dashboard opens and counts the two cases and the outcome', async () => {
    const page = await openPage(eb, 'dashboard.html');
    // A boolean, polled: Firefox's WebDriver BiDi can fail while handing back an element from a page that
    // keeps changing (the kept view, then the answer, then the charts).
    await page.waitForFunction(() => document.querySelector('#dashboard[data-ready="true"] [data-testid="team-figures"]') !== null, { timeout: 30_000, polling: 50 });
    expect(await page.$('[data-testid="load-error"]')).toBeNull();
    const value = (metric: string) => page.$eval(`[data-metric="${metric}"]`, (el) => el.getAttribute('data-value'));
    expect(await value('team.cases')).toBe('2');
    expect(await value('team.volume.complaint')).toBe('2');
    expect(await value('team.csat.responses')).toBe('1');
    expect(await page.$eval('[data-metric="team.csat.average"]', (el) => el.textContent)).toBe('4.0 / 5');
    await page.close();
  });

  it('met no uncaught error in the extension on the way', () => {
    expect(eb.extensionErrors()).toEqual([]);
  });
});
