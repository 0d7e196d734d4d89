/**
 * A hostile mailbox page. The served Gmail page carries scripts that do what a compromised or
 * malicious page could: plant a look-alike sidebar before Caseline starts, patch DOM APIs in its
 * own world, restyle and hide the sidebar, read everything it can reach (the host element, its
 * shadow root, the page's text, the selection, every event and message), dispatch synthetic
 * clicks and key presses on the sidebar, post messages to the content script, call extension
 * APIs, and rewrite the thread under the reader; the thread itself carries markup, direction
 * overrides, invisible characters and 100 KB strings in its subject, names and bodies.
 *
 * Shown: nothing of it executes (a flag any payload would set stays unset, in the page's world
 * and in the content script's); nothing of another case reaches the page, though the sidebar
 * shows it; no record is written that the agent did not make; and the sidebar stays visible and
 * works for the agent's own (trusted) clicks and keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { buildGmailPage } from '../fixtures/build/gmail-page';
import type { FixtureThread } from '../fixtures/build/thread-data';
import { closeInstallTab, GMAIL_HEADERS, launchWithExtension, type ExtensionBrowser, type MailRouter } from './support/launch-browser';
import { inSidebar, onSidebar, sidebarHost, sidebarRealm, sidebarRoot, waitForSidebar } from './support/sidebar-root';
import { hexId } from '../../scripts/demo/demo-mailbox';

const ACCOUNT = { name: 'Ana Agent', email: 'ana.agent@example.com' };
const NOW = new Date();
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

/** Another customer's case: what must never reach the hostile page. */
const SECRET = { subject: 'Invoice 7731 ORCHID-SECRET refund', email: 'orchid.secret@example.org', name: 'Orchid Secret' };
const secretThread: FixtureThread = {
  id: hexId('secret-thread'),
  subject: SECRET.subject,
  messages: [{ id: hexId('secret-m1'), from: { name: SECRET.name, email: SECRET.email }, sentAt: ago(90), text: 'Please refund invoice 7731, it was charged twice.' }],
};

/** Markup, overrides, invisible characters: any of it that ran would push to __pwned. */
const PAYLOADS = [
  `<img src=x onerror="(window.__pwned=window.__pwned||[]).push('img')">`,
  `<script>(window.__pwned=window.__pwned||[]).push('script')</script>`,
  `"><svg onload="(window.__pwned=window.__pwned||[]).push('svg')">`,
  `javascript:(window.__pwned=window.__pwned||[]).push('href')`,
  '\u202Efdp.exe\u202C',
  'zero\u200Bwidth\u200D\uFEFF',
  '{{agent.name}} {{cursor}}',
];
const HUGE = 'Ж\u202E'.repeat(50_000);
const hostileThread: FixtureThread = {
  id: hexId('hostile-thread'),
  subject: `Refund ${PAYLOADS.join(' ')} ${HUGE}`,
  messages: [
    {
      id: hexId('hostile-m1'),
      from: { name: `Mallory ${PAYLOADS[0]} ${PAYLOADS[4]} ${'N'.repeat(100_000)}`, email: 'mallory@example.net' },
      sentAt: ago(60),
      text: `My order never came. ${PAYLOADS.join('\n')}\n${HUGE}\nI want my money back.`,
    },
  ],
};

/**
 * The page's own scripts, in its <head>: they run before Caseline's content script. The attack
 * itself (`__attack`) is started by the test once the sidebar is up, as a page's timer would.
 */
const HOSTILE_SCRIPT = `
(() => {
  const w = window;
  w.__pwned = w.__pwned || [];
  w.__seen = [];
  const note = (what) => { try { w.__seen.push(String(what).slice(0, 20000)); } catch (e) {} };
  // A look-alike sidebar, planted before Caseline starts (it used to stop Caseline from mounting).
  const fake = document.createElement('caseline-sidebar');
  const fakeRoot = fake.attachShadow({ mode: 'open' });
  const fakeBox = document.createElement('div');
  fakeBox.setAttribute('data-caseline-root', '');
  fakeBox.textContent = 'Caseline (look-alike)';
  fakeRoot.append(fakeBox);
  document.documentElement.append(fake);
  // Patched DOM APIs in the page's world: a shadow root made anywhere would be forced open and kept.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { note('attachShadow ' + init.mode); const r = attach.call(this, Object.assign({}, init, { mode: 'open' })); (w.__grabbed = w.__grabbed || []).push(r); return r; };
  // Every event and message the page can hear.
  for (const type of ['message', 'keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'click', 'focusin', 'copy', 'cut', 'paste', 'selectionchange', 'caseline']) {
    window.addEventListener(type, (e) => { try { note(type + ' ' + JSON.stringify({ data: e.data, key: e.key, target: e.target && e.target.nodeName, path: e.composedPath().map((n) => n.nodeName || String(n)).join('>'), text: e.target && e.target.textContent && e.target.textContent.slice(0, 2000) })); } catch (x) { note(type); } }, true);
  }
  // And as a page's keyboard shortcuts listen: bubbling.
  w.__bubbled = [];
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput']) {
    window.addEventListener(type, (e) => { w.__bubbled.push(type + ' ' + (e.key || e.data || '')); }, false);
  }
  // Styles that would hide the sidebar, or cover it.
  const style = document.createElement('style');
  style.textContent = 'caseline-sidebar { display: none !important; visibility: hidden !important; opacity: 0 !important; transform: translateX(100000px) !important; width: 0 !important; height: 0 !important; } caseline-sidebar * , caseline-sidebar::part(panel) { display: none !important; }';
  document.documentElement.append(style);

  w.__attack = async (phase) => {
    const hosts = [...document.querySelectorAll('caseline-sidebar')];
    const real = hosts.find((h) => h !== fake);
    if (phase === 'read' || phase === 'all') {
      for (const h of hosts) {
        note('shadowRoot ' + (h.shadowRoot ? h.shadowRoot.textContent : 'null'));
        note('innerHTML ' + h.innerHTML);
        note('outerHTML ' + h.outerHTML);
        note('textContent ' + h.textContent);
        try { note('getHTML ' + h.getHTML({ serializableShadowRoots: true, shadowRoots: (w.__grabbed || []) })); } catch (e) { note('getHTML threw'); }
        try { h.attachShadow({ mode: 'open' }); note('second attachShadow worked'); } catch (e) { note('attachShadow refused ' + e.name); }
      }
      for (const r of w.__grabbed || []) note('grabbed ' + r.textContent);
      note('innerText ' + document.body.innerText);
      note('documentText ' + document.documentElement.textContent);
      const sel = getSelection(); sel.removeAllRanges(); document.execCommand('selectAll'); note('selection ' + sel.toString()); sel.removeAllRanges();
      try { const range = document.createRange(); range.selectNodeContents(real); note('range ' + range.toString()); } catch (e) {}
      note('chrome.runtime ' + typeof (w.chrome && w.chrome.runtime && w.chrome.runtime.sendMessage));
      note('performance ' + performance.getEntries().map((e) => e.name).join(','));
      note('localStorage ' + JSON.stringify(Object.assign({}, localStorage)));
    }
    if (phase === 'act' || phase === 'all') {
      // Synthetic clicks over the whole sidebar area, and on the host.
      const box = real.getBoundingClientRect();
      for (let x = innerWidth - 10; x > innerWidth - 600; x -= 23) {
        for (let y = 5; y < innerHeight; y += 17) {
          const el = document.elementFromPoint(x, y);
          // The page's own links are not the point (clicking them would navigate away): the sidebar is.
          if (!el || el.nodeName !== 'CASELINE-SIDEBAR') continue;
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
          if (typeof el.click === 'function') el.click();
        }
      }
      real.click(); real.focus();
      // Synthetic keys: the palette shortcut, Enter, typing.
      for (const target of [window, document, document.body, real]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'T', code: 'KeyT', altKey: true, shiftKey: true, bubbles: true, composed: true }));
        for (const key of ['Enter', ' ', 'Escape', 'a', 'Tab']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      }
      // Messages to the content script, in the messaging library's wire format and others.
      const wire = (type, data) => ({ id: 1, type, data, timestamp: Date.now() });
      for (const m of [wire('caseCommand', { caseId: 'gmail:x', command: { type: 'close', satisfied: true } }), wire('eraseEverything', { confirm: 'ERASE' }), wire('dataErased', {}), wire('caseUpdated', { caseId: 'x' }), { type: 'queue' }, 'caseline', { __proto__: { type: 'snapshot' } }]) {
        window.postMessage(m, '*');
      }
      window.dispatchEvent(new CustomEvent('caseline', { detail: { type: 'eraseEverything' } }));
      document.dispatchEvent(new CustomEvent('caseline', { detail: { type: 'eraseEverything' } }));
      // Extension APIs from the page: none exist here.
      try { w.chrome.runtime.sendMessage('${'${EXTENSION_ID}'}', wire('eraseEverything', { confirm: 'ERASE' })); note('sendMessage called'); } catch (e) { note('sendMessage unavailable'); }
    }
    if (phase === 'hide') {
      real.style.setProperty('display', 'none', 'important');
      real.hidden = true;
      real.remove();
    }
    if (phase === 'rewrite') {
      // Rewrite the thread under the reader: a subject of 100 KB and overrides, new body text.
      const h2 = document.querySelector('h2.hP');
      if (h2) h2.textContent = 'Rewritten ' + '\\u202E'.repeat(10) + 'x'.repeat(100000);
      for (const b of document.querySelectorAll('div.a3s')) b.textContent = 'Rewritten body ' + '<img src=x onerror="(window.__pwned=window.__pwned||[]).push(\\'rewrite\\')">';
    }
    await new Promise((r) => setTimeout(r, 300));
    return w.__seen.length;
  };
})();
`;

let eb: ExtensionBrowser;
const router = (thread: FixtureThread, script?: string): MailRouter => (url) => {
  if (url.hostname !== 'mail.google.com') return undefined;
  let body = buildGmailPage({ account: ACCOUNT, threads: [thread], openThreadId: thread.id, replyOpen: true, now: NOW.toISOString() });
  if (script) body = body.replace('<head>', `<head><script>${script.replace('${EXTENSION_ID}', eb.extensionId)}</script>`);
  return { body, headers: GMAIL_HEADERS };
};
const threadUrl = (t: FixtureThread) => `https://mail.google.com/mail/u/0/?th=${t.id}#inbox/${t.id}`;

/** What the background's database holds, read from the service worker (an extension page). */
async function database(): Promise<DbView> {
  return (await databaseRaw()) as DbView;
}
type DbView = { cases: Array<{ caseId: string; subject: string }>; events: Array<{ caseId: string; type: string; actor: string; source: string }>; outcomes: unknown[]; corrections: unknown[] };
async function databaseRaw(): Promise<unknown> {
  const worker = await eb.serviceWorker();
  return worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('caseline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['cases', 'events', 'outcomes', 'corrections'], 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of ['cases', 'events', 'outcomes', 'corrections']) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => (out[name] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out as never);
          };
        };
      }),
  );
}

let page: Page;
const hostileCase = `gmail:${hostileThread.id}`;
const secretCase = `gmail:${secretThread.id}`;

beforeAll(async () => {
  eb = await launchWithExtension();
  await closeInstallTab(eb);
  // The other customer's case, opened by the agent in an ordinary tab.
  const ordinary = await eb.openMailPage(threadUrl(secretThread), router(secretThread));
  await inSidebar(ordinary, '[data-testid="category"]', 20_000);
  await ordinary.close();
  page = await eb.openMailPage(threadUrl(hostileThread), router(hostileThread, HOSTILE_SCRIPT));
  await page.bringToFront();
  await inSidebar(page, '[data-testid="category"]', 20_000);
}, 120_000);
afterAll(async () => {
  await eb?.close();
});

const pwned = async () => ({
  page: await page.evaluate(() => (window as unknown as { __pwned?: string[] }).__pwned ?? []),
  contentScript: await (await sidebarRealm(page)).evaluate(() => (globalThis as unknown as { __pwned?: string[] }).__pwned ?? []),
});
const seen = () => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join('\n'));

describe('a hostile mailbox page', () => {
  it('Caseline mounts its own sidebar beside a look-alike planted before it, and shows the hostile thread as text', async () => {
    expect(await page.evaluate(() => document.querySelectorAll('caseline-sidebar').length)).toBe(2);
    const host = await sidebarHost(page);
    expect(await host.evaluate((h) => h.shadowRoot)).toBeNull();
    // The customer's name arrives as text (cut to the protocol's limit), markup and all.
    const facts = await onSidebar(page, (root) => root.querySelector('.facts')?.textContent ?? '');
    expect(facts).toContain('mallory@example.net');
    expect(facts).toContain('<img src=x onerror=');
    // Page-derived text is a bidi island: an override inside cannot reorder the sidebar's words.
    expect(await onSidebar(page, (root) => getComputedStyle(root.querySelector('.facts dd')!).unicodeBidi)).toBe('isolate');
    expect(await pwned()).toEqual({ page: [], contentScript: [] });
  });

  it('cannot read the sidebar, not even the other case it lists in the queue', async () => {
    // The agent opens the queue: the other customer's case is on screen now.
    await (await inSidebar(page, '#tab-queue')).click();
    await waitForSidebar(page, (root, secret: string) => (root.querySelector('[data-testid="queue"]')?.textContent ?? '').includes(secret), { timeout: 10_000 }, 'ORCHID-SECRET');
    await page.evaluate(() => (window as unknown as { __attack(p: string): Promise<number> }).__attack('read'));
    const everything = `${await seen()}\n${await page.evaluate(() => document.documentElement.outerHTML)}`;
    expect(everything).toContain('shadowRoot null');
    expect(everything).toContain('attachShadow refused NotSupportedError');
    expect(everything).toContain('chrome.runtime undefined');
    for (const secret of ['ORCHID-SECRET', SECRET.email, SECRET.name, secretCase]) expect(everything.includes(secret), secret).toBe(false);
    await (await inSidebar(page, '#tab-case')).click();
  });

  it('synthetic clicks, keys and messages do nothing; the agent’s own still work', async () => {
    const before = await database();
    await page.evaluate(() => (window as unknown as { __attack(p: string): Promise<number> }).__attack('act'));
    expect(await (await sidebarRoot(page)).$('[role="dialog"]')).toBeNull();
    const after = await database();
    expect(after).toEqual(before);
    const heard = await seen();
    expect(heard).toContain('sendMessage unavailable');
    // Events that crossed out of the sidebar show the page only the host, never what is inside.
    for (const secret of ['ORCHID-SECRET', SECRET.email]) expect(heard.includes(secret), secret).toBe(false);

    // The agent's own key press opens the palette, and a click acknowledges the case.
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyT');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await inSidebar(page, '[role="dialog"]', 5_000);
    // What the agent types in the sidebar does not bubble out to the page's listeners.
    await page.evaluate(() => ((window as unknown as { __bubbled: string[] }).__bubbled.length = 0));
    await page.keyboard.type('qzxw');
    await waitForSidebar(page, (root) => (root.querySelector<HTMLInputElement>('[role="dialog"] input[role="combobox"]')?.value ?? '') === 'qzxw', { timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { __bubbled: string[] }).__bubbled)).toEqual([]);
    await page.keyboard.press('Escape');
    await (await inSidebar(page, 'button[data-action="acknowledge"]')).click();
    await waitForSidebar(page, (root) => root.querySelector('[data-testid="stage"]')?.textContent === 'Acknowledged', { timeout: 10_000 });
    // The agent heard nothing typed into the sidebar leak out either: the keys pressed there reach the page retargeted to the host.
    expect(await pwned()).toEqual({ page: [], contentScript: [] });
  });

  it('a template with the hostile name goes into the reply as text; nothing runs', async () => {
    await (await inSidebar(page, '[data-testid="suggested-templates"] button')).click();
    // Either the text lands, or a small form asks for values the case cannot fill.
    await page.waitForFunction(() => (document.querySelector('div[g_editable="true"][role="textbox"]')?.textContent ?? '').length > 40, { timeout: 10_000 }).catch(async () => {
      const root = await sidebarRoot(page);
      for (const input of await root.$$('input[data-variable]')) await input.type('value');
      await (await root.$('[data-testid="template-values"] button[type="submit"]'))?.click();
      await page.waitForFunction(() => (document.querySelector('div[g_editable="true"][role="textbox"]')?.textContent ?? '').length > 40, { timeout: 10_000 });
    });
    const editor = await page.$eval('div[g_editable="true"][role="textbox"]', (e) => ({ text: e.textContent ?? '', images: e.querySelectorAll('img, script, svg').length }));
    expect(editor.images).toBe(0);
    expect(await pwned()).toEqual({ page: [], contentScript: [] });
  });

  it('restyling, hiding or removing the sidebar does not take it from the agent', async () => {
    // The page's stylesheet says display: none !important; the host's own inline !important wins.
    const visible = async () => {
      const panel = await (await sidebarRoot(page)).$('.panel, .collapsed');
      const box = await panel?.boundingBox();
      if (!box || box.width < 30 || box.height < 30) return false;
      const hit = await page.evaluate((x: number, y: number) => document.elementFromPoint(x, y)?.nodeName ?? '', box.x + box.width / 2, box.y + 40);
      return hit === 'CASELINE-SIDEBAR';
    };
    expect(await visible()).toBe(true);
    // The page removes and hides the real host: it comes back at the next view change.
    await page.evaluate(() => (window as unknown as { __attack(p: string): Promise<number> }).__attack('hide'));
    expect(await page.evaluate(() => document.querySelectorAll('caseline-sidebar').length)).toBe(1);
    await page.evaluate(() => (location.hash = '#inbox'));
    await page.waitForFunction(() => document.querySelectorAll('caseline-sidebar').length === 2, { timeout: 10_000 });
    await page.evaluate((id: string) => (location.hash = `#inbox/${id}`), hostileThread.id);
    await inSidebar(page, '[data-testid="category"]', 10_000);
    expect(await visible()).toBe(true);
  });

  it('rewriting the thread under the reader changes what is read, never what the agent did', async () => {
    await page.evaluate(() => (window as unknown as { __attack(p: string): Promise<number> }).__attack('rewrite'));
    // The sidebar still works: the case is there, the rewritten subject cut to the protocol's limit.
    await new Promise((r) => setTimeout(r, 1500));
    await inSidebar(page, '[data-testid="category"]', 10_000);
    const db = await database();
    expect(db.cases.map((c) => c.caseId).sort()).toEqual([hostileCase, secretCase].sort());
    const hostile = db.cases.find((c) => c.caseId === hostileCase)!;
    expect(hostile.subject.length).toBeLessThanOrEqual(2000);
    // No record the agent did not make: the page's reading (received, the classifier's category)
    // and the agent's own two actions (acknowledge, the template), nothing else.
    const kinds = db.events.filter((e) => e.caseId === hostileCase).map((e) => `${e.type}/${e.source}`);
    for (const k of kinds) expect(['received/auto', 'category_set/auto', 'acknowledged/agent', 'template_inserted/agent']).toContain(k);
    expect(kinds.filter((k) => k === 'acknowledged/agent')).toHaveLength(1);
    expect(kinds.filter((k) => k.startsWith('template_inserted'))).toHaveLength(1);
    expect(db.events.filter((e) => e.caseId === secretCase).map((e) => e.type).sort()).toEqual(['category_set', 'received']);
    expect(db.outcomes).toEqual([]);
    expect(db.corrections).toEqual([]);
    expect(await pwned()).toEqual({ page: [], contentScript: [] });
    // Nothing of the other case reached the page through any of it.
    const everything = `${await seen()}\n${await page.evaluate(() => document.documentElement.outerHTML)}`;
    for (const secret of ['ORCHID-SECRET', SECRET.email, secretCase]) expect(everything.includes(secret), secret).toBe(false);
  });
});
