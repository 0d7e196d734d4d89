/**
 * The real background (entrypoints/background.ts: its router, handlers, desk and database code)
 * running in Node: IndexedDB is fake-indexeddb, the extension APIs are WXT's fake browser (the
 * test file mocks `wxt/browser` with it), and the messaging library's `chrome.runtime.onMessage`
 * is a shim that hands messages in with any sender the test names and gives back the answer.
 * Only the transport is stood in for: every check a message meets is the extension's own.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { openCaselineDb } from '../../../utils/db/open';
import type { CaselineDb } from '../../../utils/db/schema';
import { ERASABLE_STORES } from '../../../utils/db/erasure';
import { classifierDataFileText } from '../../../scripts/classifier-data-file';
import { defaultTemplatesFileText } from '../../../scripts/default-templates-file';
import { defaultPresetFileText } from '../../../scripts/default-preset-file';
import { holidayCodesFileText } from '../../../scripts/holiday-codes-file';

type Listener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (r: unknown) => void) => boolean | void;

export const OWN_ID = fakeBrowser.runtime.id;
export const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;

/** What the background reads of a sender (runtime.MessageSender's fields it looks at). */
export type Sender = { id?: string; url?: string; tab?: { id: number; url: string } };

/** Every kind of sender the background can meet. */
export const SENDERS = {
  mailTab: { id: OWN_ID, url: 'https://mail.google.com/mail/u/0/#inbox/abc', tab: { id: 11, url: 'https://mail.google.com/mail/u/0/#inbox/abc' } },
  outlookTab: { id: OWN_ID, url: 'https://outlook.office.com/mail/inbox/id/xyz', tab: { id: 12, url: 'https://outlook.office.com/mail/inbox/id/xyz' } },
  otherSiteTab: { id: OWN_ID, url: 'https://evil.example/phish', tab: { id: 13, url: 'https://evil.example/phish' } },
  lookalikeTab: { id: OWN_ID, url: 'https://mail.google.com.evil.example/', tab: { id: 14, url: 'https://mail.google.com.evil.example/' } },
  extensionPage: { id: OWN_ID, url: `${OWN_ORIGIN}options.html`, tab: { id: 15, url: `${OWN_ORIGIN}options.html` } },
  extensionPageNoTab: { id: OWN_ID, url: `${OWN_ORIGIN}dashboard.html` },
  otherExtension: { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/page.html' },
  otherExtensionClaimingOurPage: { id: 'abcdefghijklmnopabcdefghijklmnop', url: `${OWN_ORIGIN}options.html` },
  otherExtensionInMailTab: { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'https://mail.google.com/mail/u/0/', tab: { id: 16, url: 'https://mail.google.com/mail/u/0/' } },
  noTabNoUrl: { id: OWN_ID },
  nobody: {},
} as const satisfies Record<string, Sender>;
export type SenderKind = keyof typeof SENDERS;

export interface Background {
  /** Hands one raw message in as `sender` sent it; resolves with the answer (undefined: none). */
  deliver(message: unknown, sender: Sender): Promise<unknown>;
  /** A protocol message in the messaging library's wire format; resolves with the handler's reply. */
  send(type: string, data: unknown, sender: Sender): Promise<unknown>;
  /** A second connection to the background's database, for looking. */
  db: CaselineDb;
}

let seq = 1;

export async function startBackground(): Promise<Background> {
  let listener: Listener | undefined;
  const g = globalThis as Record<string, unknown>;
  g.indexedDB = new IDBFactory();
  g.defineBackground = (main: () => void) => ({ main });
  g.chrome = {
    runtime: {
      id: OWN_ID,
      lastError: undefined,
      onMessage: { addListener: (fn: Listener) => (listener = fn), removeListener: () => (listener = undefined) },
      sendMessage: (_m: unknown, cb: (r: unknown) => void) => cb(undefined),
    },
    // The background telling tabs (caseUpdated, dataErased): no tab answers here.
    tabs: { sendMessage: (_tab: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) => cb(undefined) },
  };
  // WXT's fake browser does not implement runtime.onConnect (the live port of team sync): the
  // listener is kept, and no page connects here.
  const connectListeners = new Set<(port: Runtime.Port) => void>();
  const runtime = fakeBrowser.runtime as unknown as { onConnect?: unknown };
  runtime.onConnect = {
    addListener: (fn: (port: Runtime.Port) => void) => connectListeners.add(fn),
    removeListener: (fn: (port: Runtime.Port) => void) => connectListeners.delete(fn),
    hasListener: (fn: (port: Runtime.Port) => void) => connectListeners.has(fn),
  };
  // The files the build ships beside the background, read the way the browser serves them.
  const packageFiles: Record<string, () => string> = {
    'templates/defaults.json': defaultTemplatesFileText,
    'classifier/data.json': classifierDataFileText,
    'sla/default-preset.json': defaultPresetFileText,
    'calendar/holiday-codes.json': holidayCodesFileText,
  };
  const nodeFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(OWN_ORIGIN.slice(0, -1))) return nodeFetch(input, init);
    const file = packageFiles[new URL(url).pathname.slice(1)];
    return file ? new Response(file(), { headers: { 'content-type': 'application/json' } }) : new Response('not found', { status: 404 });
  }) as typeof fetch;
  const module = (await import('../../../entrypoints/background')) as unknown as { default: { main: () => void } };
  module.default.main();
  if (!listener) throw new Error('the background registered no message listener');
  const deliver = (message: unknown, sender: Sender) =>
    new Promise<unknown>((resolve) => {
      try {
        const answered = listener!(message, sender as Runtime.MessageSender, resolve);
        if (answered !== true) resolve(undefined);
      } catch (error) {
        // The messaging library throws on a message that is `undefined`: the browser logs it
        // and the listener stays; nothing was acted on.
        resolve({ listenerThrew: String(error) });
      }
    });
  const send = async (type: string, data: unknown, sender: Sender) => {
    const answer = (await deliver({ id: seq++, type, data, timestamp: Date.now() }, sender)) as { res?: unknown; err?: unknown } | undefined;
    return answer?.err !== undefined ? { thrown: answer.err } : answer?.res;
  };
  const db = await openCaselineDb(g.indexedDB as IDBFactory, 'caseline');
  return { deliver, send, db };
}

/** Every record of every store, in a stable text (what "nothing written" is compared on). */
export async function dbContent(db: CaselineDb): Promise<string> {
  const tx = db.transaction(ERASABLE_STORES, 'readonly');
  const stores = await Promise.all(ERASABLE_STORES.map(async (name) => [name, await tx.objectStore(name).getAll()] as const));
  await tx.done;
  return JSON.stringify(stores, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
}
