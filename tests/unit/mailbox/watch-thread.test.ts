// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
import { watchThread } from '../../../utils/mailbox/watch-thread';
import { buildGmailPage } from '../../fixtures/build/gmail-page';
import { gmailListMailbox } from '../../fixtures/build/assembled-mailboxes';
import { loadHtml, type LoadedPage } from './load-page';

let page: LoadedPage | undefined;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  stop = undefined;
  await page?.close();
  page = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type HostWindow = Window & typeof globalThis;

function mailbox(): { win: HostWindow; doc: Document; main: () => Element | null } {
  page = loadHtml(buildGmailPage(gmailListMailbox()), 'https://mail.google.com/mail/u/0/#inbox');
  const doc = page.document;
  return { win: page.window as unknown as HostWindow, doc, main: () => doc.querySelector('div[role="main"]') };
}

/** Replaces the main column's content by another page's (what Gmail does when a thread opens). */
function swapMain(doc: Document, markup: string): void {
  const other = loadHtml(markup, 'https://mail.google.com/mail/u/0/');
  const next = other.document.querySelector('div[role="main"]')!;
  const main = doc.querySelector('div[role="main"]')!;
  main.replaceChildren(...Array.from(next.childNodes).map((n) => doc.importNode(n, true)));
  void other.close();
}

describe('watchThread', () => {
  it('fires once on a URL change (hashchange) and once on popstate', async () => {
    const { win, main } = mailbox();
    const onChange = vi.fn();
    stop = watchThread({ window: win, root: main, onChange, quietMs: 5 });
    win.location.hash = '#inbox/198c6747aabb71a9';
    win.dispatchEvent(new win.HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    win.history.pushState({}, '', '#inbox');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    await sleep(40);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('hears the Navigation API (the page’s own pushState, invisible to an isolated world otherwise)', async () => {
    const { win, main } = mailbox();
    // happy-dom has no Navigation API: an EventTarget stands in for window.navigation.
    const navigation = new win.EventTarget();
    Object.defineProperty(win, 'navigation', { value: navigation, configurable: true });
    const onChange = vi.fn();
    stop = watchThread({ window: win, root: main, onChange, quietMs: 5 });
    win.history.pushState({}, '', '#inbox/FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw');
    navigation.dispatchEvent(new win.Event('currententrychange'));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
  });

  it('fires once when the thread is swapped in the observed container', async () => {
    const { win, doc, main } = mailbox();
    const onChange = vi.fn();
    stop = watchThread({ window: win, root: main, onChange, quietMs: 5, viewKey: () => gmail.viewKey(doc, win.location.href) });
    swapMain(doc, buildGmailPage({ ...gmailListMailbox(), openThreadId: '198d2c1b9e0a7f44' }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(gmail.readThread(doc)!.threadId).toBe('198d2c1b9e0a7f44');
    swapMain(doc, buildGmailPage({ ...gmailListMailbox(), openThreadId: '198d31e57c2b9a10' }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    expect(gmail.readThread(doc)!.threadId).toBe('198d31e57c2b9a10');
  });

  it('a burst of unrelated mutations makes one call per quiet period, none with an unchanged view key', async () => {
    const { win, doc, main } = mailbox();
    const withoutKey = vi.fn();
    const withKey = vi.fn();
    stop = watchThread({ window: win, root: main, onChange: withoutKey, quietMs: 20 });
    const stopKeyed = watchThread({ window: win, root: main, onChange: withKey, quietMs: 20, viewKey: () => gmail.viewKey(doc, win.location.href) });
    const row = doc.querySelector('tr.zA')!;
    // 1,000 mutations delivered to the observer in 10 callbacks (Gmail re-rendering stars, labels, timestamps);
    // microtask gaps let each batch reach the observer without letting the quiet timer run.
    for (let batch = 0; batch < 10; batch += 1) {
      for (let i = 0; i < 100; i += 1) {
        const mark = doc.createElement('span');
        row.appendChild(mark);
        mark.remove();
      }
      await Promise.resolve();
      await Promise.resolve();
    }
    await vi.waitFor(() => expect(withoutKey).toHaveBeenCalledTimes(1));
    await sleep(80);
    expect(withoutKey).toHaveBeenCalledTimes(1);
    expect(withKey).toHaveBeenCalledTimes(0);
    stopKeyed();
  });

  it('follows a replaced container and stops after dispose', async () => {
    const { win, doc } = mailbox();
    let container: Element = doc.querySelector('div[role="main"]')!;
    const onChange = vi.fn();
    stop = watchThread({ window: win, root: () => container, onChange, quietMs: 5 });
    const replacement = doc.createElement('div');
    replacement.setAttribute('role', 'main');
    container.replaceWith(replacement);
    container = replacement;
    win.dispatchEvent(new win.HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    replacement.appendChild(doc.createElement('div'));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    stop();
    stop = undefined;
    replacement.appendChild(doc.createElement('div'));
    win.dispatchEvent(new win.HashChangeEvent('hashchange'));
    await sleep(40);
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});

describe('watchThread when the container is missing or replaced quietly', () => {
  it('watches the body until the container appears, then notices its replacement without a URL change', async () => {
    page = loadHtml('<!DOCTYPE html><html><body><div id="app"></div></body></html>', 'https://outlook.office.com/mail/');
    const doc = page.document;
    const win = page.window as unknown as Window & typeof globalThis;
    const onChange = vi.fn();
    stop = watchThread({ window: win, root: () => doc.getElementById('pane'), onChange, quietMs: 5 });
    const pane = doc.createElement('div');
    pane.id = 'pane';
    doc.getElementById('app')!.appendChild(pane);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    // Now only the pane (and its parent's children) is watched: a change elsewhere goes unnoticed.
    doc.body.appendChild(doc.createElement('footer'));
    await sleep(40);
    expect(onChange).toHaveBeenCalledTimes(1);
    // The host swaps the pane for a new one (same id) without changing the URL.
    const next = doc.createElement('div');
    next.id = 'pane';
    pane.replaceWith(next);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    next.appendChild(doc.createElement('p'));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(3));
  });
});
