/**
 * Opens (creating or upgrading) the Caseline database on a given IDBFactory: the browser's
 * `indexedDB` in the background, a fresh `fake-indexeddb` factory in tests.
 */
import { wrap } from 'idb';
import { LATEST_VERSION, runMigrations } from './migrations';
import type { CaselineDb, UpgradeTransaction } from './schema';

export interface OpenOptions {
  /** Open at an earlier schema version (migration tests); default the latest. */
  version?: number;
  /** Another connection (an older tab or worker) blocks the upgrade. */
  onBlocked?: () => void;
  /** A newer version wants to open: this connection is closed so it can. */
  onVersionChange?: () => void;
}

export function openCaselineDb(factory: IDBFactory, name = 'caseline', options: OpenOptions = {}): Promise<CaselineDb> {
  const version = options.version ?? LATEST_VERSION;
  if (!Number.isInteger(version) || version < 1 || version > LATEST_VERSION) {
    return Promise.reject(new Error(`No schema version ${version}; the latest is ${LATEST_VERSION}.`));
  }
  const request = factory.open(name, version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as CaselineDb;
    const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
    runMigrations(db, tx, event.oldVersion, version).catch(() => {
      try {
        tx.abort();
      } catch {
        // already finished: the open request reports the error
      }
    });
  });
  if (options.onBlocked) request.addEventListener('blocked', options.onBlocked);
  return (wrap(request) as unknown as Promise<CaselineDb>).then((db) => {
    db.addEventListener('versionchange', () => {
      db.close();
      options.onVersionChange?.();
    });
    return db;
  });
}
