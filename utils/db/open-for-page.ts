/**
 * The extension's database as an extension page opens it (the dashboard, which computes its
 * figures where it reads them): at the schema version the background says it has opened, never
 * creating or upgrading it. The background stays the one that makes and migrates the database;
 * with no database yet, another version on disk or anything unexpected, the answer is undefined.
 * The connection lets go as soon as a newer version (an update of the extension) wants the
 * database, and `onClosed` is told so the page opens again at its next read.
 */
import { wrap } from 'idb';
import type { CaselineDb } from './schema';

export function openDatabaseForPage(factory: IDBFactory, schemaVersion: number, options: { name?: string; onClosed?: () => void } = {}): Promise<CaselineDb | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      // No version: the database as it is (a version would upgrade it, or make it if missing).
      request = factory.open(options.name ?? 'caseline');
    } catch {
      resolve(undefined);
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const db = request.result;
      const close = () => {
        db.close();
        options.onClosed?.();
      };
      if (db.version !== schemaVersion) {
        db.close();
        resolve(undefined);
        return;
      }
      db.onversionchange = close;
      db.onclose = () => options.onClosed?.();
      resolve(wrap(db) as unknown as CaselineDb);
    };
  });
}
