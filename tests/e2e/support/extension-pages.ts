/** Helpers for e2e tests of the extension's own pages (onboarding, options). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer';
import type { Reply } from '../../../utils/messages';
import type { ExtensionBrowser } from './launch-browser';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Sends one protocol message from the page, in @webext-core/messaging's wire format. The answer
 * comes back as JSON text: WebDriver BiDi (Firefox) sends an object met twice (the same hours
 * array for every weekday) as a reference that puppeteer drops, so a value read whole would lose
 * parts the extension itself has.
 */
export async function sendFromPage<T>(page: Page, type: string, data: unknown): Promise<Reply<T>> {
  const json = await page.evaluate(
    async (type, data) => {
      type Runtime = { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: unknown }> } };
      const api = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
      const runtime = (api.browser ?? api.chrome).runtime;
      const answer = await runtime.sendMessage({ id: Math.floor(Math.random() * 1e6), type, data, timestamp: Date.now() });
      return JSON.stringify(answer?.res ?? null);
    },
    type,
    data,
  );
  return JSON.parse(json) as Reply<T>;
}

/**
 * Opens an extension page in the foreground: the background opens its own onboarding tab on
 * install, and input to a tab left behind it can stall. The page runs under its real CSP (axe-core
 * is evaluated through DevTools, which the policy does not govern). Firefox (BiDi) has no media
 * emulation: its pages get the colour scheme the browser was launched with (LaunchOptions.colorScheme).
 */
export async function openPage(eb: ExtensionBrowser, path: string, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  if (eb.name === 'firefox' && scheme !== 'light') throw new Error('Firefox pages take their colour scheme from launchWithExtension({ colorScheme })');
  const page = await eb.openExtensionPage(path, async (tab) => {
    if (eb.name === 'firefox') return;
    await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  });
  await page.bringToFront();
  page.setDefaultTimeout(20_000);
  return page;
}

export async function fill(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

export async function seriousAxeViolations(page: Page): Promise<Array<{ id: string; impact: string; help: string; nodes: string[] }>> {
  // An extension page's CSP refuses injected scripts: evaluate axe's source through DevTools instead.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
}
