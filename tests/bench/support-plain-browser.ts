/**
 * For browser benches: Chromium WITHOUT the extension (the baseline a figure is compared with, and
 * the host of synthetic pages), answering the mailbox hosts' URLs by request interception like
 * tests/e2e/support/launch-browser.ts does, so a page runs at the same address with and without
 * Caseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer';
import { CHROME_PATH, MAIL_ORIGINS, type MailRouter } from '../e2e/support/launch-browser';

export interface PlainBrowser {
  browser: Browser;
  openPage(url: string, router: MailRouter): Promise<Page>;
  close(): Promise<void>;
}

/** The same flags as launchWithExtension, minus the extension. */
export async function launchPlainBrowser(width = 1440, height = 900): Promise<PlainBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'caseline-bench-plain-'));
  const browser = await puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    pipe: true,
    userDataDir,
    defaultViewport: { width, height },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate,MediaRouter,OptimizationHints',
      `--window-size=${width},${height}`,
    ],
  });
  return {
    browser,
    async openPage(url, router) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => {
        void answerRequest(request, router);
      });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Answers mailbox-host requests from `router`, refuses everything else (nothing leaves the machine). */
export async function answerRequest(request: HTTPRequest, router: MailRouter): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  const raw = request.url();
  if (raw.startsWith('chrome-extension://') || raw.startsWith('data:') || raw.startsWith('blob:')) {
    await request.continue();
    return;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    await request.abort();
    return;
  }
  const routed = MAIL_ORIGINS.includes(url.origin) ? router(url) : undefined;
  if (!routed) {
    await request.abort('blockedbyclient');
    return;
  }
  await request.respond({
    status: routed.status ?? 200,
    contentType: routed.contentType ?? 'text/html; charset=utf-8',
    headers: routed.headers ?? {},
    body: routed.body,
  });
}
