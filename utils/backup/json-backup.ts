/**
 * A versioned JSON backup of the whole database, and its all-or-nothing restore: every row of
 * every store is validated first; any bad row is reported (store and index) and nothing is
 * written; otherwise all rows go in one transaction.
 */
import * as v from 'valibot';
import { describeIssues, parseCaseEvent } from '../cases/event-schema';
import { beginTransaction, inOneTransaction } from '../db/errors';
import { LATEST_VERSION } from '../db/migrations';
import { STORE_NAMES } from '../db/schema';
import type { BackupStoreName, CaselineDBSchema, CaselineDb, TeamRecord } from '../db/schema';
import { rebuildLocalDigests, rebuildTeamDigests, resetPacks, teamRecord } from '../db/digests';
import { forgetDerivedStates } from '../db/case-store';
import type { WriteTx } from '../db/case-store';
import {
  CaseRecordSchema,
  CheckpointSchema,
  CorrectionSchema,
  CounterSchema,
  KeyValueSchema,
  OutboxItemSchema,
  OutcomeRecordSchema,
  TeamRecordSchema,
  TemplateRecordSchema,
  OwnershipRecordSchema,
  NoteRecordSchema,
} from './record-schemas';

export const BACKUP_FORMAT = 'caseline-backup';
export const BACKUP_VERSION = 1;

export type BackupStores = { [K in BackupStoreName]: CaselineDBSchema[K]['value'][] };

export interface CaselineBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** The database schema version the rows come from. */
  schemaVersion: number;
  exportedAt: string;
  stores: BackupStores;
}

export interface BadRow {
  store: string;
  /** 0-based position in the store's array; -1 for the file as a whole. */
  index: number;
  message: string;
}

export type ImportResult = { ok: true; counts: Record<BackupStoreName, number> } | { ok: false; errors: BadRow[] };

/** Every record of every store, read in one transaction (a consistent snapshot). */
export async function exportBackup(db: CaselineDb, now: string = new Date().toISOString()): Promise<CaselineBackup> {
  const tx = db.transaction([...STORE_NAMES], 'readonly');
  const entries = await Promise.all(STORE_NAMES.map(async (name) => [name, await tx.objectStore(name).getAll()] as const));
  await tx.done;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: LATEST_VERSION,
    exportedAt: now,
    stores: Object.fromEntries(entries) as unknown as BackupStores,
  };
}

const ROW_CHECKS: Record<BackupStoreName, (row: unknown) => string | null> = {
  cases: schemaCheck(CaseRecordSchema),
  events: (row) => {
    const checked = parseCaseEvent(row);
    return checked.ok ? null : checked.error;
  },
  outcomes: schemaCheck(OutcomeRecordSchema),
  templates: schemaCheck(TemplateRecordSchema),
  settings: schemaCheck(KeyValueSchema),
  outbox: schemaCheck(OutboxItemSchema),
  checkpoints: schemaCheck(CheckpointSchema),
  counters: schemaCheck(CounterSchema),
  corrections: schemaCheck(CorrectionSchema),
  meta: schemaCheck(KeyValueSchema),
  team: schemaCheck(TeamRecordSchema),
  ownership: schemaCheck(OwnershipRecordSchema),
  notes: schemaCheck(NoteRecordSchema),
};

function schemaCheck(schema: v.GenericSchema): (row: unknown) => string | null {
  return (row) => {
    const result = v.safeParse(schema, row);
    return result.success ? null : describeIssues(result.issues);
  };
}

/**
 * Restores a backup (text or parsed). `replace` empties every store first; otherwise rows are
 * merged over what is there (same key = replaced). Nothing is written unless every row is valid.
 */
export async function importBackup(db: CaselineDb, input: string | unknown, options: { replace?: boolean } = {}): Promise<ImportResult> {
  forgetDerivedStates(db);
  let parsed: unknown = input;
  if (typeof input === 'string') {
    try {
      parsed = JSON.parse(input);
    } catch (error) {
      return { ok: false, errors: [{ store: '', index: -1, message: `The file is not valid JSON (${(error as Error).message}).` }] };
    }
  }
  const errors: BadRow[] = [];
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, errors: [{ store: '', index: -1, message: 'The file is not a Caseline backup.' }] };
  const backup = parsed as Partial<CaselineBackup>;
  if (backup.format !== BACKUP_FORMAT) errors.push({ store: '', index: -1, message: 'The file is not a Caseline backup (format is missing or wrong).' });
  if (backup.version !== BACKUP_VERSION) errors.push({ store: '', index: -1, message: `Backup version ${String(backup.version)} is not supported (expected ${BACKUP_VERSION}).` });
  if (typeof backup.schemaVersion !== 'number' || backup.schemaVersion > LATEST_VERSION) {
    errors.push({ store: '', index: -1, message: `The backup comes from a newer Caseline (schema ${String(backup.schemaVersion)}); update Caseline first.` });
  }
  const stores = (backup.stores ?? {}) as Record<string, unknown>;
  if (typeof stores !== 'object' || stores === null) errors.push({ store: '', index: -1, message: 'The backup has no stores.' });
  for (const name of Object.keys(stores)) {
    if (!(STORE_NAMES as readonly string[]).includes(name)) errors.push({ store: name, index: -1, message: `Unknown store "${name}".` });
  }
  const rows: Partial<Record<BackupStoreName, unknown[]>> = {};
  for (const name of STORE_NAMES) {
    const list = stores[name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push({ store: name, index: -1, message: `"${name}" must be a list.` });
      continue;
    }
    list.forEach((row, index) => {
      const problem = ROW_CHECKS[name](row);
      if (problem) errors.push({ store: name, index, message: problem });
    });
    rows[name] = list;
  }
  if (errors.length > 0) return { ok: false, errors };

  // Team rows from backups made before v5 lack the case they are about: fill it in.
  if (rows.team) rows.team = rows.team.map((row) => teamRecord((row as TeamRecord).doc));
  const tx = beginTransaction(() => db.transaction([...STORE_NAMES, 'digests', 'packs'], 'readwrite') as unknown as WriteTx);
  const counts = await inOneTransaction(tx, async () => {
    if (options.replace) {
      await Promise.all([...STORE_NAMES, 'digests' as const, 'packs' as const].map((name) => tx.objectStore(name).clear()));
      await resetPacks(tx);
    }
    const counted = {} as Record<BackupStoreName, number>;
    for (const name of STORE_NAMES) {
      const list = rows[name] ?? [];
      const store = tx.objectStore(name);
      await Promise.all(list.map((row) => store.put(row as never)));
      counted[name] = list.length;
    }
    // The dashboard's digests of every case the restore touched, from the logs as they now stand.
    const localCases = new Set<string>();
    for (const row of rows.cases ?? []) localCases.add((row as { caseId: string }).caseId);
    for (const row of rows.events ?? []) localCases.add((row as { caseId: string }).caseId);
    const teamCases = new Set<string>();
    for (const row of rows.team ?? []) if ((row as TeamRecord).caseId !== undefined) teamCases.add((row as TeamRecord).caseId!);
    await rebuildLocalDigests(tx, localCases);
    await rebuildTeamDigests(tx, teamCases);
    return counted;
  });
  return { ok: true, counts };
}
