/**
 * The numbered migrations. Migration N takes the database from the version before it to N; each
 * runs in the upgrade transaction, in order, for every version above the one on disk. Append
 * only: a released migration is never edited. Numbers are handed out per piece of work, so one
 * may be missing (a number reserved for work that needed no schema change).
 */
import type { CaselineDb, UpgradeTransaction } from '../schema';
import { migrate001Initial } from './001-initial';
import { migrate002CorrectionsAndCustomerIndex } from './002-corrections-and-customer-index';
import { migrate003OutboxByCaseKind } from './003-outbox-by-case-kind';
import { migrate004TeamStore } from './004-team-store';
import { migrate005CaseDigests } from './005-case-digests';
import { migrate006TeamRecordsByOwner } from './006-team-records-by-owner';
import { migrate007SharedInbox } from './007-shared-inbox';
import { migrate008DashboardViews } from './008-dashboard-views';
import { migrate009PacksByVersion } from './009-packs-by-version';

export type Migration = (db: CaselineDb, tx: UpgradeTransaction, oldVersion: number) => Promise<void> | void;

export const MIGRATIONS: readonly { version: number; name: string; migrate: Migration }[] = [
  { version: 1, name: '001-initial', migrate: migrate001Initial },
  { version: 2, name: '002-corrections-and-customer-index', migrate: migrate002CorrectionsAndCustomerIndex },
  { version: 3, name: '003-outbox-by-case-kind', migrate: migrate003OutboxByCaseKind },
  { version: 4, name: '004-team-store', migrate: migrate004TeamStore },
  { version: 5, name: '005-case-digests', migrate: migrate005CaseDigests },
  { version: 6, name: '006-team-records-by-owner', migrate: migrate006TeamRecordsByOwner },
  { version: 7, name: '007-shared-inbox', migrate: migrate007SharedInbox },
  { version: 8, name: '008-dashboard-views', migrate: migrate008DashboardViews },
  { version: 9, name: '009-packs-by-version', migrate: migrate009PacksByVersion },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Runs the migrations above `oldVersion` up to `newVersion`, one after another. */
export async function runMigrations(db: CaselineDb, tx: UpgradeTransaction, oldVersion: number, newVersion: number): Promise<void> {
  for (const migration of MIGRATIONS) {
    if (migration.version > oldVersion && migration.version <= newVersion) {
      await migration.migrate(db, tx, oldVersion);
    }
  }
}
