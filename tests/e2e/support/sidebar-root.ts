/**
 * The sidebar's shadow root is closed: the mailbox page (and puppeteer's own page worlds, and
 * its `>>>` selectors) cannot see inside it. Tests, the tour and the benches reach it from the
 * extension's content-script world (puppeteer's extension realms), where the content script
 * keeps its host in its own global: exactly as the extension sees it, and never through the page.
 *
 * Firefox (WebDriver BiDi) exposes no extension realms to puppeteer. There, BiDi itself hands the
 * root over: it serialises a host element with its shadow root as a shared node reference,
 * whatever the root's mode, and a handle made from that reference works like any other.
 */
import type { Browser, ElementHandle, Page, Realm } from 'puppeteer';

const HOST_GLOBAL = '__caselineSidebarHost';
const HOST_TAG = 'caseline-sidebar';

const firefoxBrowsers = new WeakMap<Browser, Promise<boolean>>();
function isFirefox(page: Page): Promise<boolean> {
  const browser = page.browser();
  let known = firefoxBrowsers.get(browser);
  if (!known) {
    known = browser.version().then((v) => v.toLowerCase().startsWith('firefox'));
    firefoxBrowsers.set(browser, known);
  }
  return known;
}

type BidiHostHandle = ElementHandle<Element> & { remoteValue(): { value?: { shadowRoot?: { value?: { mode?: string } } } }; realm: unknown };

/** Firefox: the closed root of the real host (a page's look-alike hosts have no closed root). */
async function firefoxSidebarRoot(page: Page, timeout: number): Promise<ElementHandle<ShadowRoot>> {
  const until = Date.now() + timeout;
  for (;;) {
    for (const host of await page.$$(HOST_TAG)) {
      const bidi = host as unknown as BidiHostHandle;
      const shadow = bidi.remoteValue().value?.shadowRoot;
      if (shadow?.value?.mode === 'closed') {
        const handleClass = host.constructor as unknown as { from(value: unknown, realm: unknown): ElementHandle<ShadowRoot> };
        return handleClass.from(shadow, bidi.realm);
      }
    }
    if (Date.now() > until) throw new Error('the Caseline sidebar did not mount (no host with a closed root)');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The content script's world in the page's main frame, once the sidebar is mounted. */
export async function sidebarRealm(page: Page, timeout = 20_000): Promise<Realm> {
  const until = Date.now() + timeout;
  for (;;) {
    for (const realm of page.mainFrame().extensionRealms()) {
      const mounted = await realm.evaluate((key: string) => !!(globalThis as Record<string, unknown>)[key], HOST_GLOBAL).catch(() => false);
      if (mounted) {
        // Scripts run by tsx keep function names through a `__name` helper the evaluated functions call.
        await realm.evaluate('globalThis.__name ??= (f) => f');
        return realm;
      }
    }
    if (Date.now() > until) throw new Error('the Caseline sidebar did not mount (no content-script world holds it)');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The sidebar's (closed) shadow root. */
export async function sidebarRoot(page: Page, timeout = 20_000): Promise<ElementHandle<ShadowRoot>> {
  if (await isFirefox(page)) return firefoxSidebarRoot(page, timeout);
  const realm = await sidebarRealm(page, timeout);
  return (await realm.evaluateHandle((key: string) => ((globalThis as Record<string, unknown>)[key] as { shadow: ShadowRoot }).shadow, HOST_GLOBAL)) as ElementHandle<ShadowRoot>;
}

/** The real host element (a page may plant look-alikes with the same tag). */
export async function sidebarHost(page: Page, timeout = 20_000): Promise<ElementHandle<HTMLElement>> {
  const realm = await sidebarRealm(page, timeout);
  return (await realm.evaluateHandle((key: string) => ((globalThis as Record<string, unknown>)[key] as { host: HTMLElement }).host, HOST_GLOBAL)) as ElementHandle<HTMLElement>;
}

/** Waits for an element inside the sidebar (what `caseline-sidebar >>> selector` did with an open root). */
export async function inSidebar(page: Page, selector: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  const started = Date.now();
  const root = await sidebarRoot(page, timeout);
  const found = await root.waitForSelector(selector, { timeout: Math.max(1, timeout - (Date.now() - started)) });
  if (!found) throw new Error(`no ${selector} in the sidebar`);
  return found;
}

/** Text of an element inside the sidebar. */
export async function sidebarText(page: Page, selector: string): Promise<string> {
  const handle = await inSidebar(page, selector);
  const text = await handle.evaluate((el) => el.textContent ?? '');
  await handle.dispose();
  return text;
}

/** Runs `fn` on the sidebar's shadow root, in the content script's world. */
export async function onSidebar<T, A extends unknown[]>(page: Page, fn: (root: ShadowRoot, ...args: A) => T, ...args: A): Promise<Awaited<T>> {
  const root = await sidebarRoot(page);
  return root.evaluate(fn as never, ...(args as unknown as never[])) as Promise<Awaited<T>>;
}

/** Waits until `fn(root, ...args)` is truthy, polling in the content script's world. */
export async function waitForSidebar<A extends unknown[]>(page: Page, fn: (root: ShadowRoot, ...args: A) => unknown, options: { timeout?: number } = {}, ...args: A): Promise<void> {
  if (await isFirefox(page)) {
    // The page's world receives the root by reference from BiDi: it never finds it by itself.
    const root = await sidebarRoot(page, options.timeout ?? 20_000);
    await page.waitForFunction(fn as never, { timeout: options.timeout ?? 15_000, polling: 50 }, root, ...(args as unknown as never[]));
    return;
  }
  const realm = await sidebarRealm(page, options.timeout ?? 20_000);
  const root = await sidebarRoot(page);
  await realm.waitForFunction(fn as never, { timeout: options.timeout ?? 15_000, polling: 50 }, root, ...(args as unknown as never[]));
}

/**
 * axe-core over the sidebar. axe walks shadow trees through `element.shadowRoot`, which a closed
 * root hides; so axe runs in the content script's world, where (for this run only, in that world
 * only) the host's `shadowRoot` is made to answer with its root. The page never sees either.
 */
export async function sidebarAxeViolations(page: Page, axeSource: string): Promise<string[]> {
  const realm = await sidebarRealm(page);
  await realm.evaluate(axeSource);
  return realm.evaluate(async (key: string) => {
    const mounted = (globalThis as Record<string, unknown>)[key] as { host: HTMLElement; shadow: ShadowRoot };
    Object.defineProperty(mounted.host, 'shadowRoot', { configurable: true, get: () => mounted.shadow });
    type Result = { id: string; impact: string; nodes: Array<{ target: unknown }> };
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
    try {
      const r = await axe.run({ include: [[mounted.host.tagName.toLowerCase()]] }, { resultTypes: ['violations'] });
      // Proof that axe looked inside the shadow root, not only at an empty host: rules about
      // buttons and names passed on elements in it.
      if (!r.passes.some((p) => p.id === 'button-name')) throw new Error('axe found no buttons: it did not see inside the sidebar');
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
    } finally {
      delete (mounted.host as unknown as Record<string, unknown>).shadowRoot;
    }
  }, HOST_GLOBAL);
}
