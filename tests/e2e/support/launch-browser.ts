/**
 * Launches Debian's Chromium (CHROME_PATH overrides) or Firefox ESR (FIREFOX_PATH overrides,
 * driven over WebDriver BiDi) with the built extension installed, and answers the mailbox hosts'
 * real URLs with saved pages by request interception, so content scripts run exactly where they
 * run for a real agent. Used by the e2e tests, `npm start` and the browser benches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { TimeoutError, type Browser, type HTTPRequest, type Page, type WebWorker } from 'puppeteer';

export const MAIL_ORIGINS = [
  'https://mail.google.com',
  'https://outlook.live.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
];

export type BrowserName = 'chrome' | 'firefox';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The builds each browser loads (`wxt build`, `wxt build -b firefox`). */
export const EXTENSION_DIRS: Record<BrowserName, string> = { chrome: resolve('.output/chrome-mv3'), firefox: resolve('.output/firefox-mv3') };
export const EXTENSION_DIR = EXTENSION_DIRS.chrome;
/** The manifest's gecko id. */
export const FIREFOX_EXTENSION_ID = 'caseline@caseline.app';
/**
 * Firefox gives each install a random internal UUID (the host of moz-extension:// URLs); the test
 * profile fixes it with the `extensions.webextensions.uuids` pref so pages have known addresses.
 */
export const FIREFOX_EXTENSION_UUID = '5d0c7a3e-2f41-4b8e-9c6a-1e7f3b2d9a40';

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
  /** Which browser runs: Chromium, or Firefox ESR over WebDriver BiDi. */
  name: BrowserName;
  browser: Browser;
  /** Chromium: the id fixed by the manifest's key; Firefox: the gecko id. */
  extensionId: string;
  /** chrome-extension://<id>/<path> or moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  /**
   * Opens an extension page in a new tab and waits until its document has loaded. (Firefox
   * reports no load events for moz-extension:// documents over BiDi, so this waits in the page.)
   * `beforeNavigate` prepares the blank tab (emulation, CSP) before the page loads.
   */
  openExtensionPage(path: string, beforeNavigate?: (page: Page) => Promise<void>): Promise<Page>;
  /**
   * Uncaught errors the browser reported from the extension's own code so far: in Chromium from
   * the pages opened by openExtensionPage; in Firefox from everything of the extension (pages,
   * background, content scripts), as Firefox writes them to its error output.
   */
  extensionErrors(): string[];
  /** The address a tab shows; in Firefox read from the page, which BiDi does not report for extension pages. */
  pageUrl(page: Page): Promise<string>;
  /** Opens a tab whose mailbox requests are answered by `router`, and navigates to `url`. */
  openMailPage(url: string, router: MailRouter): Promise<Page>;
  /** The background service worker (Chromium only: Firefox runs the background as an event page). */
  serviceWorker(): Promise<WebWorker>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Chromium (the default) or Firefox ESR. */
  browser?: BrowserName;
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
  const name = options.browser ?? 'chrome';
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'caseline-profile-'));
  const width = options.width ?? 1440;
  const height = options.height ?? 900;
  const browser = name === 'firefox' ? await launchFirefox(options, userDataDir, width, height) : await launchChromium(options, userDataDir, width, height);
  const extensionId = await browser.installExtension(options.extensionDir ?? EXTENSION_DIRS[name]);
  const origin = name === 'firefox' ? `moz-extension://${FIREFOX_EXTENSION_UUID}/` : `chrome-extension://${extensionId}/`;
  const extensionUrl = (path: string) => `${origin}${path.replace(/^\//, '')}`;
  const errors: string[] = [];
  if (name === 'firefox') collectFirefoxErrors(browser, origin, errors);

  async function openMailPage(url: string, router: MailRouter): Promise<Page> {
    const page = await browser.newPage();
    if (options.colorScheme && name === 'chrome') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.colorScheme }]);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      void answer(request, router);
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  }

  async function openExtensionPage(path: string, beforeNavigate?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await browser.newPage();
    const url = extensionUrl(path);
    await beforeNavigate?.(page);
    if (name === 'chrome') {
      page.on('pageerror', (error) => errors.push(`${url}: ${error instanceof Error ? error.message : String(error)}`));
      await page.goto(url);
      return page;
    }
    // Firefox navigates, but never reports the document's load: wait for it in the page, then
    // stop waiting for the event (https://github.com/puppeteer/puppeteer/issues/14314).
    const stop = new AbortController();
    const navigation = page.goto(url, { signal: stop.signal }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const deadline = Date.now() + 30_000;
    const loaded = (async (): Promise<unknown> => {
      for (;;) {
        try {
          await page.waitForFunction((want: string) => location.href === want && document.readyState === 'complete', { timeout: Math.max(1, deadline - Date.now()), polling: 50 }, url);
          return undefined;
        } catch (error) {
          // BiDi sometimes fails an evaluation while the document is being replaced (an internal
          // TypeError in Firefox's remote agent): ask again, until the deadline.
          if (error instanceof TimeoutError || Date.now() >= deadline) return error;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    })();
    const failed = await Promise.race([loaded, navigation.then((error) => error ?? loaded)]);
    stop.abort();
    await navigation;
    if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
    return page;
  }

  async function pageUrl(page: Page): Promise<string> {
    return name === 'firefox' ? page.evaluate(() => location.href) : page.url();
  }

  async function serviceWorker(): Promise<WebWorker> {
    if (name === 'firefox') throw new Error('Firefox runs the background as an event page: there is no service worker to reach');
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

  return { name, browser, extensionId, extensionUrl, openExtensionPage, extensionErrors: () => [...errors], pageUrl, openMailPage, serviceWorker, close };
}

/** Firefox writes each uncaught error to stderr as "JavaScript error: <file>, line <n>: <message>". */
function collectFirefoxErrors(browser: Browser, origin: string, errors: string[]): void {
  let rest = '';
  browser.process()?.stderr?.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith(`JavaScript error: ${origin}`)) errors.push(line.slice('JavaScript error: '.length));
  });
}

function launchChromium(options: LaunchOptions, userDataDir: string, width: number, height: number): Promise<Browser> {
  return puppeteer.launch({
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
}

/**
 * Firefox ESR over WebDriver BiDi. The extension is installed as a temporary add-on
 * (BiDi `webExtension.install`), which needs no signature; its host permissions are granted at
 * install like a user's install from the add-on's prompt. `--remote-allow-system-access` lets
 * WebDriver navigate to moz-extension:// pages (Firefox 153 refuses it otherwise).
 */
function launchFirefox(options: LaunchOptions, userDataDir: string, width: number, height: number): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    userDataDir,
    defaultViewport: { width, height },
    args: ['--remote-allow-system-access', `--width=${width}`, `--height=${height}`],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
      // Colour scheme pages see: 0 dark, 1 light.
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      // Beside puppeteer's own test prefs: no captive-portal or connectivity probes leave the machine.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
}

async function answer(request: HTTPRequest, router: MailRouter): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  const raw = request.url();
  if (raw.startsWith('chrome-extension://') || raw.startsWith('moz-extension://') || raw.startsWith('data:') || raw.startsWith('blob:')) {
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
  const onboarding = eb.extensionUrl('onboarding.html');
  if (eb.name === 'firefox') {
    // BiDi does not report extension pages' addresses: ask each tab (for up to 10 s, like Chromium's wait).
    for (let attempt = 0; attempt < 50; attempt += 1) {
      for (const page of await eb.browser.pages()) {
        if ((await eb.pageUrl(page).catch(() => '')).startsWith(onboarding)) {
          await page.close();
          return;
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return;
  }
  const target = await eb.browser
    .waitForTarget((t) => t.type() === 'page' && t.url().startsWith(onboarding), { timeout: 10_000 })
    .catch(() => undefined);
  const page = await target?.page();
  await page?.close();
}

/** The sidebar's shadow root is closed: tests reach it from the content script's world (sidebar-root.ts). */
export { sidebarText } from './sidebar-root';
