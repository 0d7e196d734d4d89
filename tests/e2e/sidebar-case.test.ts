/**
 * The sidebar on the intercepted real mailbox URLs, with the practice threads: the snapshot
 * reaches the sidebar, switching threads updates it, overrides persist, templates land in the
 * reply editor at the caret with values filled, the palette works from the keyboard, the badge
 * counts breached cases, and axe finds no serious violation.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { readFileSync } from 'node:fs';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { inSidebar, onSidebar, sidebarAxeViolations, sidebarRoot, sidebarText, waitForSidebar } from './support/sidebar-root';
import { demoMailbox, type DemoStop } from '../../scripts/demo/demo-mailbox';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

let eb: ExtensionBrowser;
const mailbox = demoMailbox(new Date());
const stop = (id: string): DemoStop => {
  const s = mailbox.stops.find((x) => x.thread?.id === id);
  if (!s) throw new Error(`no demo stop ${id}`);
  return s;
};

beforeAll(async () => {
  eb = await launchWithExtension();
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

const countdownTargets = (page: Page) =>
  onSidebar(page, (root) => [...root.querySelectorAll<HTMLElement>('li.countdown')].map((e) => `${e.dataset.target}:${e.dataset.state}`));

describe('case card', () => {
  it('shows the category and a countdown per target for a Gmail complaint, timed from the message', async () => {
    const page = await openThread('p09-refund-kettle-rude');
    expect(await sidebarText(page, '[data-testid="category"]')).toBe('Complaint');
    expect(await sidebarText(page, '[data-testid="stage"]')).toBe('Received');
    const targets = await countdownTargets(page);
    expect(targets.map((t) => t.split(':')[0])).toEqual(expect.arrayContaining(['acknowledge', 'respond', 'resolve']));
    expect(targets.every((t) => /:(running|due_soon)$/.test(t) || t.startsWith('followUp') || t.startsWith('escalationUpdate'))).toBe(true);
    await page.close();
  });

  it('shows a breached deadline, and the toolbar badge counts it', async () => {
    const page = await openThread('p01-late-delivery');
    const targets = await countdownTargets(page);
    expect(targets.some((t) => t.endsWith(':breached'))).toBe(true);
    const worker = await eb.serviceWorker();
    let badge = '';
    for (let i = 0; i < 50 && !badge; i += 1) {
      badge = await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
      if (!badge) await new Promise((r) => setTimeout(r, 200));
    }
    expect(Number(badge)).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('raises escalation flags with the words that raised them on an Outlook thread', async () => {
    const page = await openThread('p02-ombudsman-billing');
    const flags = await sidebarText(page, '[data-testid="escalation-flags"]');
    // Each flag: its kind in the agent's language, then the customer's words in quotes.
    expect(flags).toMatch(/Regulator or ombudsman: “[^”]*ombudsman[^”]*”/i);
    expect(flags).toMatch(/Legal action: “[^”]*solicitor[^”]*”/i);
    await page.close();
  });

  it('keeps an agent override across a reload', async () => {
    const page = await openThread('p16-saturday-delivery');
    const before = await sidebarText(page, '[data-testid="category"]');
    const target = before === 'Support request' ? 'complaint' : 'support';
    const chip = await inSidebar(page, `button[data-category="${target}"]`);
    await chip.click();
    await waitForSidebar(page, (root, want: string) => root.querySelector('[data-testid="category"]')?.textContent === want, { timeout: 10_000 }, target === 'support' ? 'Support request' : 'Complaint');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await inSidebar(page, '[data-testid="category"]', 20_000);
    expect(await sidebarText(page, '[data-testid="category"]')).toBe(target === 'support' ? 'Support request' : 'Complaint');
    expect(await sidebarText(page, '.why')).toContain('Set by an agent');
    await page.close();
  });
});

describe('templates', () => {
  it('inserts an approved template at the caret with the case values filled, firing the editor input events and touching nothing else', async () => {
    const page = await openThread('p09-refund-kettle-rude');
    const editorSelector = 'div[g_editable="true"][role="textbox"]';
    await page.evaluate((sel: string) => {
      const w = window as unknown as { __inputs: number; __before: number };
      w.__inputs = 0;
      w.__before = 0;
      const editor = document.querySelector(sel)!;
      editor.addEventListener('input', () => (w.__inputs += 1));
      editor.addEventListener('beforeinput', () => (w.__before += 1));
    }, editorSelector);
    const outside = () => page.evaluate((sel: string) => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelector(sel)?.remove();
      clone.querySelectorAll('caseline-sidebar').forEach((n) => n.remove());
      return clone.textContent;
    }, editorSelector);
    const pageBefore = await outside();
    await page.click(editorSelector);
    await page.keyboard.type('PREFIX ');

    // The first suggestion for a new complaint is the apology that quotes the reference number:
    // inserting it acknowledges the complaint, which issues the reference.
    const apology = await inSidebar(page, '[data-testid="suggested-templates"] button');
    const name = await apology.evaluate((b) => b.textContent);
    expect(name).toMatch(/apolog/i);
    await apology.click();
    await waitForSidebar(page, (root) => /^CMP-/.test(root.querySelector('[data-testid="reference"]')?.textContent ?? ''), { timeout: 10_000 });
    const reference = await sidebarText(page, '[data-testid="reference"]');
    expect(await sidebarText(page, '[data-testid="stage"]')).toBe('Acknowledged');
    await page.waitForFunction((sel: string) => (document.querySelector(sel)?.textContent ?? '').length > 60, { timeout: 10_000 }, editorSelector);
    const text = await page.$eval(editorSelector, (e) => e.textContent ?? '');
    expect(text.replace(/\u00a0/g, ' ').trimStart()).toMatch(/^PREFIX Dear|^PREFIX \S/);
    expect(text).toContain(reference);
    expect(text).toContain('Kev');
    expect(text).not.toMatch(/\{\{/);
    expect(await page.evaluate(() => (window as unknown as { __inputs: number }).__inputs)).toBeGreaterThan(0);
    expect(await outside()).toBe(pageBefore);
    // The insertion is on record.
    await waitForSidebar(page, (root) => /Inserted/.test(root.querySelector('.notice')?.textContent ?? ''), { timeout: 10_000 });
    await page.close();
  });

  it('opens the palette from the keyboard, searches, and inserts with Enter', async () => {
    const page = await openThread('p12-moving-house-supply');
    await page.click('div[g_editable="true"][role="textbox"]');
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyT');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await inSidebar(page, '[role="dialog"] input[role="combobox"]', 5_000);
    await page.keyboard.type('greet');
    const first = await sidebarText(page, '[role="listbox"] [role="option"][aria-selected="true"] .name');
    expect(first.toLowerCase()).toContain('greet');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('div[g_editable="true"][role="textbox"]')?.textContent ?? '').trim().length > 5, { timeout: 10_000 });
    expect(await (await sidebarRoot(page)).$('[role="dialog"]')).toBeNull();
    await page.close();
  });
});

describe('navigation', () => {
  it('follows a switch to another conversation without a reload (Outlook)', async () => {
    const from = stop('p10-app-meter-photo');
    const to = stop('p04-night-tariff-meter');
    const page = await openThread('p10-app-meter-photo');
    expect(await sidebarText(page, '.facts')).toContain(from.thread!.customer.email);
    const next = mailbox.router(new URL(to.url));
    await page.evaluate(
      (html: string, url: string) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const main = document.body;
        const sidebar = main.querySelector('caseline-sidebar');
        main.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.adoptNode(n)));
        if (sidebar) main.append(sidebar);
        history.pushState({}, '', url);
      },
      next!.body,
      to.url,
    );
    // The sidebar now shows the other conversation's case (its customer), with one host element.
    const customer = to.thread!.customer.email;
    await waitForSidebar(page, (root, email: string) => (root.querySelector('.facts')?.textContent ?? '').includes(email), { timeout: 15_000 }, customer);
    expect(await page.evaluate(() => document.querySelectorAll('caseline-sidebar').length)).toBe(1);
    expect(from.threadId).not.toBe(to.threadId);
    await page.close();
  });
});

describe('accessibility and themes', () => {
  it('has no serious or critical axe violations in the sidebar and palette, light and dark', async () => {
    mkdirSync('screenshots', { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const page = await eb.browser.newPage();
      if (theme === 'dark') {
        await page.evaluateOnNewDocument(() => {
          document.addEventListener('DOMContentLoaded', () => {
            const style = document.createElement('style');
            style.textContent = 'html, body { background: #1f1f1f !important; color: #e8eaed !important; }';
            document.head.append(style);
          });
        });
      }
      await page.setBypassCSP(true);
      await page.setRequestInterception(true);
      page.on('request', (r) => {
        if (r.isInterceptResolutionHandled()) return;
        const url = new URL(r.url());
        const routed = url.protocol === 'https:' ? mailbox.router(url) : undefined;
        if (routed) void r.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: routed.body });
        else if (url.protocol === 'chrome-extension:') void r.continue();
        else void r.abort();
      });
      await page.goto(stop('p02-ombudsman-billing').url, { waitUntil: 'domcontentloaded' });
      await page.bringToFront();
      await inSidebar(page, '[data-testid="category"]', 20_000);
      expect(await onSidebar(page, (root) => root.querySelector('.panel')?.className ?? '')).toContain(`theme-${theme}`);
      await page.screenshot({ path: `screenshots/sidebar-${theme}.png` });
      const check = () => sidebarAxeViolations(page, AXE_SOURCE);
      expect(await check()).toEqual([]);
      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press('KeyT');
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
      await inSidebar(page, '[role="dialog"]', 5_000);
      await page.screenshot({ path: `screenshots/palette-${theme}.png` });
      expect(await check()).toEqual([]);
      await page.close();
    }
  });
});
