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

/**
 * The database as it is, without a version: never made (a missing one would be, so the upgrade is
 * refused) and never upgraded. Undefined when there is none or it cannot be opened. The connection
 * closes itself when a newer version (an update of the extension) wants the database.
 */
export function openDatabaseAsItIs(factory: IDBFactory, name = 'caseline'): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
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
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

export async function openDatabaseForPage(factory: IDBFactory, schemaVersion: number, options: { name?: string; onClosed?: () => void } = {}): Promise<CaselineDb | undefined> {
  const db = await openDatabaseAsItIs(factory, options.name);
  if (!db) return undefined;
  if (db.version !== schemaVersion) {
    db.close();
    return undefined;
  }
  db.onversionchange = () => {
    db.close();
    options.onClosed?.();
  };
  db.onclose = () => options.onClosed?.();
  return wrap(db) as unknown as CaselineDb;
}
