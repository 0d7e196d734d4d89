/**
 * For browser benches: pages WITHOUT the extension in the same Chromium as the extension (a
 * separate off-the-record browser context, where extensions do not run), answering the mailbox
 * hosts' URLs by request interception like tests/e2e/support/launch-browser.ts does, so the same
 * page at the same address is measured with and without Caseline on the same browser.
 */
import type { Browser, BrowserContext, HTTPRequest, Page } from 'puppeteer';
import { MAIL_ORIGINS, type MailRouter } from '../e2e/support/launch-browser';

export interface PagesWithoutExtension {
  openPage(url: string, router: MailRouter): Promise<Page>;
  close(): Promise<void>;
}

export async function pagesWithoutExtension(browser: Browser): Promise<PagesWithoutExtension> {
  const context: BrowserContext = await browser.createBrowserContext();
  return {
    async openPage(url, router) {
      const page = await context.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => {
        void answerRequest(request, router);
      });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    close: () => context.close(),
  };
}

/** Answers mailbox-host requests from `router` and refuses everything else (nothing leaves the machine). */
async function answerRequest(request: HTTPRequest, router: MailRouter): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  let url: URL;
  try {
    url = new URL(request.url());
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
