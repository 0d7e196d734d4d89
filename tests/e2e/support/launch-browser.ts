/**
 * Launches Debian's Chromium (CHROME_PATH overrides) with the built extension installed, and
 * answers the mailbox hosts' real URLs with saved pages by request interception, so content
 * scripts run exactly where they run for a real agent. Used by the e2e tests, `npm start` and
 * the browser benches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page, type WebWorker } from 'puppeteer';

export const MAIL_ORIGINS = [
  'https://mail.google.com',
  'https://outlook.live.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
];

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** A saved page to answer one request with; undefined lets the harness refuse the request. */
export interface RoutedResponse {
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
  status?: number;
}
export type MailRouter = (url: URL) => RoutedResponse | undefined;

/** Gmail enforces Trusted Types; the demo pages do too, so an HTML string in our code would fail here first. */
export const GMAIL_HEADERS = { 'content-security-policy': "require-trusted-types-for 'script'" };

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  /** Opens a tab whose mailbox requests are answered by `router`, and navigates to `url`. */
  openMailPage(url: string, router: MailRouter): Promise<Page>;
  /** The background service worker. */
  serviceWorker(): Promise<WebWorker>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Keep this profile folder (to reopen the same profile); otherwise a fresh one is made and removed. */
  userDataDir?: string;
  extensionDir?: string;
  /** Window size. */
  width?: number;
  height?: number;
  /** The colour scheme pages see. */
  colorScheme?: 'light' | 'dark';
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'caseline-profile-'));
  const width = options.width ?? 1440;
  const height = options.height ?? 900;
  const browser = await puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: true,
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
      ...(options.colorScheme === 'dark' ? ['--force-dark-mode'] : []),
    ],
  });
  const extensionId = await browser.installExtension(options.extensionDir ?? EXTENSION_DIR);
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;

  async function openMailPage(url: string, router: MailRouter): Promise<Page> {
    const page = await browser.newPage();
    if (options.colorScheme) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.colorScheme }]);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      void answer(request, router);
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  }

  async function serviceWorker(): Promise<WebWorker> {
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
      { timeout: 30_000 },
    );
    const worker = await target.worker();
    if (!worker) throw new Error('the extension service worker has no worker handle');
    return worker;
  }

  async function close() {
    await browser.close();
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
  }

  return { browser, extensionId, extensionUrl, openMailPage, serviceWorker, close };
}

async function answer(request: HTTPRequest, router: MailRouter): Promise<void> {
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
    // Nothing leaves this machine: images, fonts and trackers of the saved pages are refused.
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

/** Waits until `predicate` (run in the page) is truthy, polling in the page. */
export async function waitInPage(page: Page, fn: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(fn, { timeout, polling: 50 });
}

/** The background opens onboarding in a tab on install; close it so it cannot take the focus mid-test. */
export async function closeInstallTab(eb: ExtensionBrowser): Promise<void> {
  const target = await eb.browser
    .waitForTarget((t) => t.type() === 'page' && t.url().startsWith(eb.extensionUrl('onboarding.html')), { timeout: 10_000 })
    .catch(() => undefined);
  const page = await target?.page();
  await page?.close();
}

/** The sidebar's shadow root is closed: tests reach it from the content script's world (sidebar-root.ts). */
export { sidebarText } from './sidebar-root';
