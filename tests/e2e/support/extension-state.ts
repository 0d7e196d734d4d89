/**
 * Everything the extension keeps in a browser profile, read from its service worker (an
 * extension page): every IndexedDB store, storage.local, storage.session, the notifications on
 * screen, the badge. What the erasure tests look through.
 */
import type { ExtensionBrowser } from './launch-browser';

export interface ExtensionState {
  /** Every object store of the `caseline` database, every record (typed arrays as plain arrays). */
  stores: Record<string, unknown[]>;
  local: Record<string, unknown>;
  session: Record<string, unknown>;
  /** Ids of the notifications on screen. */
  notifications: string[];
  badge: string;
}

export async function extensionState(eb: ExtensionBrowser): Promise<ExtensionState> {
  const worker = await eb.serviceWorker();
  const text = await worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Record<string, Record<string, Record<string, (...a: unknown[]) => Promise<unknown>> | ((...a: unknown[]) => Promise<unknown>)>> }).chrome;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('caseline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = [...db.objectStoreNames];
    const stores: Record<string, unknown[]> = {};
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(names, 'readonly');
      for (const name of names) {
        const r = tx.objectStore(name).getAll();
        r.onsuccess = () => (stores[name] = r.result);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const storage = chrome.storage as unknown as Record<'local' | 'session', { get(k: null): Promise<Record<string, unknown>> }>;
    const notifications = chrome.notifications as unknown as { getAll(): Promise<Record<string, boolean>> };
    const action = chrome.action as unknown as { getBadgeText(d: object): Promise<string> };
    const state = {
      stores,
      local: await storage.local.get(null),
      session: await storage.session.get(null),
      notifications: Object.keys(await notifications.getAll()),
      badge: await action.getBadgeText({}),
    };
    return JSON.stringify(state, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
  });
  return JSON.parse(text) as ExtensionState;
}

/** The words of `state` (every value, as text) that are one of `traces`. */
export function tracesIn(state: ExtensionState | Record<string, unknown>, traces: readonly string[]): string[] {
  const text = JSON.stringify(state);
  return traces.filter((t) => text.includes(t));
}
