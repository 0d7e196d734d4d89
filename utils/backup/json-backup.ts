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
import { MAX_BACKUP_BYTES, tooLargeMessage } from './import-limits';
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

/** A value from the file, safe to put in a sentence whatever it is (an object whose toString is broken too). */
function shown(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 40);
  } catch {
    return typeof value;
  }
}

/** Problems reported at most (a file can hold millions of bad rows; the first ones say enough). */
const MAX_REPORTED = 100;

/** Each store's key, for finding a record listed twice. */
const KEY_PATHS: Record<BackupStoreName, string> = {
  cases: 'caseId',
  events: 'id',
  outcomes: 'caseId',
  templates: 'id',
  settings: 'key',
  outbox: 'id',
  checkpoints: 'id',
  counters: 'key',
  corrections: 'id',
  meta: 'key',
  team: 'id',
  ownership: 'id',
  notes: 'id',
};

/** Keys that name an object's prototype machinery: never data, refused wherever they appear in a record. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first forbidden key anywhere inside a value (iterative: a deeply nested file cannot exhaust the stack). */
function forbiddenKeyIn(value: unknown): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    for (const key of Object.keys(next)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((next as Record<string, unknown>)[key]);
    }
  }
  return undefined;
}

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
    // Before parsing: a file too large is refused without being read into objects.
    if (input.length > MAX_BACKUP_BYTES) return { ok: false, errors: [{ store: '', index: -1, message: tooLargeMessage('backup', input.length, MAX_BACKUP_BYTES) }] };
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
  if (backup.version !== BACKUP_VERSION) errors.push({ store: '', index: -1, message: `Backup version ${shown(backup.version)} is not supported (expected ${BACKUP_VERSION}).` });
  if (typeof backup.schemaVersion === 'number' && Number.isInteger(backup.schemaVersion) && backup.schemaVersion > LATEST_VERSION) {
    errors.push({ store: '', index: -1, message: `The backup comes from a newer Caseline (schema ${shown(backup.schemaVersion)}); update Caseline first.` });
  } else if (!Number.isInteger(backup.schemaVersion) || (backup.schemaVersion as number) < 1) {
    errors.push({ store: '', index: -1, message: `The backup's schema version (${shown(backup.schemaVersion)}) is not one Caseline wrote.` });
  }
  // Prototype machinery anywhere outside the rows (the rows are checked one by one below).
  const outside = forbiddenKeyIn(Object.fromEntries(Object.entries(backup).filter(([k]) => k !== 'stores')));
  const storeKey = backup.stores && typeof backup.stores === 'object' ? Object.keys(backup.stores).find((k) => FORBIDDEN_KEYS.has(k)) : undefined;
  if (outside ?? storeKey) errors.push({ store: '', index: -1, message: `A key named "${outside ?? storeKey}" is not allowed in a backup.` });
  const hasStores = typeof backup.stores === 'object' && backup.stores !== null && !Array.isArray(backup.stores);
  if (!hasStores) errors.push({ store: '', index: -1, message: 'The backup has no stores (its "stores" must be an object of lists).' });
  const stores = (hasStores ? backup.stores : {}) as Record<string, unknown>;
  for (const name of Object.keys(stores)) {
    if (!(STORE_NAMES as readonly string[]).includes(name)) errors.push({ store: name, index: -1, message: `Unknown store "${name}".` });
  }
  const rows: Partial<Record<BackupStoreName, unknown[]>> = {};
  for (const name of STORE_NAMES) {
    const list = Object.hasOwn(stores, name) ? stores[name] : undefined;
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push({ store: name, index: -1, message: `"${name}" must be a list.` });
      continue;
    }
    const firstIndexOf = new Map<unknown, number>();
    for (let index = 0; index < list.length && errors.length < MAX_REPORTED; index++) {
      const row: unknown = list[index];
      const forbidden = forbiddenKeyIn(row);
      const problem = forbidden ? `a key named "${forbidden}" is not allowed in a record` : ROW_CHECKS[name](row);
      if (problem) {
        errors.push({ store: name, index, message: problem });
        continue;
      }
      // The same record twice (a file joined to itself, an edit gone wrong): say so rather than keep the last.
      const key = (row as Record<string, unknown>)[KEY_PATHS[name]];
      const first = firstIndexOf.get(key);
      if (first !== undefined) errors.push({ store: name, index, message: `the same ${KEY_PATHS[name]} as record ${first} (${String(key).slice(0, 80)})` });
      else firstIndexOf.set(key, index);
    }
    rows[name] = list;
  }
  if (errors.length > 0) return { ok: false, errors };

  // Team rows are filed again as this version files them (before v5 they lacked their case;
  // before v6 they were filed by case key alone); records not bound to their author (written
  // before the server bound agent ids to users) are left out, as a pull refuses them.
  if (rows.team) rows.team = rows.team.filter((row) => (row as TeamRecord).doc.agentId === (row as TeamRecord).doc.author).map((row) => teamRecord((row as TeamRecord).doc));
  const tx = beginTransaction(() => db.transaction([...STORE_NAMES, 'digests', 'packs', 'views'], 'readwrite') as unknown as WriteTx);
  const counts = await inOneTransaction(tx, async () => {
    if (options.replace) {
      await Promise.all([...STORE_NAMES, 'digests' as const, 'packs' as const, 'views' as const].map((name) => tx.objectStore(name).clear()));
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
