/**
 * Every import attacked: random, truncated, duplicated, `__proto__`-laden and oversized (50 MB)
 * backups, CSV files and template files. Each is refused with a sentence, nothing in the
 * database changes (nothing written, nothing lost), no prototype is polluted, and refusing a
 * 50 MB file takes no more memory than a small fraction of the file (it is refused on its length,
 * before parsing).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCasesCsv, exportEventsCsv, importCasesCsv, importEventsCsv } from '../../../utils/backup/csv-transfer';
import { MAX_BACKUP_BYTES } from '../../../utils/backup/import-limits';
import { exportBackup, importBackup } from '../../../utils/backup/json-backup';
import type { CaselineDb } from '../../../utils/db';
import { importLibrary, listLibrary } from '../../../utils/desk/template-library';
import { exportTemplates } from '../../../utils/templates/transfer';
import { freshDb } from '../db/helpers';
import { LATEST_VERSION } from '../../../utils/db/migrations';
import { STORE_NAMES } from '../../../utils/db/schema';
import { dbContent } from './background-harness';
import { fillEveryStore } from './filled-db';

let db: CaselineDb;
let baseline: string;
let backupText: string;
let casesCsv: string;
let eventsCsv: string;
let templatesJson: string;

beforeAll(async () => {
  ({ db } = await freshDb());
  await fillEveryStore(db);
  await listLibrary(db);
  backupText = JSON.stringify(await exportBackup(db, '2026-03-03T00:00:00.000Z'));
  casesCsv = await exportCasesCsv(db);
  eventsCsv = await exportEventsCsv(db);
  templatesJson = exportTemplates(await listLibrary(db));
  baseline = await dbContent(db);
});
afterAll(() => db?.close());

/** Records as text, keys in order (an import may write the same record with its keys in another order). */
function canonical(rows: readonly unknown[]): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sort) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sort(v)])) : x;
  return JSON.stringify(rows.map(sort));
}

/** The backup text with one edit made to its parsed form. */
function editedBackup(edit: (b: { stores: Record<string, unknown[]> } & Record<string, unknown>) => void): string {
  const b = JSON.parse(backupText) as { stores: Record<string, unknown[]> } & Record<string, unknown>;
  edit(b);
  return JSON.stringify(b);
}

/** A `"__proto__"` (or constructor, prototype) key put by text somewhere in the backup, as an attacker writes it. */
const protoLaden = fc
  .record({
    anchor: fc.constantFrom('{"format"', '"stores":{', '"cases":[{', '"events":[{', '"data":{', '"doc":{', '"features":{', '"team":[{'),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
  })
  .map(({ anchor, key }) => {
    const at = backupText.indexOf(anchor);
    if (at < 0) throw new Error(`no ${anchor} in the backup`);
    const cut = at + anchor.length - (anchor === '{"format"' ? '"format"'.length : 0);
    return `${backupText.slice(0, cut)}"${key}":{"polluted":true,"isAdmin":true},${backupText.slice(cut)}`;
  });

/** A header value the restore rightly accepts (the same format, an older schema, an empty set of stores). */
function stillValid(field: string, value: unknown): boolean {
  if (field === 'format') return value === 'caseline-backup';
  if (field === 'version') return value === 1;
  if (field === 'schemaVersion') return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= LATEST_VERSION;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((rows) => Array.isArray(rows) && rows.length === 0) && Object.keys(value).every((k) => (STORE_NAMES as readonly string[]).includes(k));
}

describe('backups', () => {
  it('random JSON, random text, truncated, duplicated and __proto__-laden files are refused and change nothing', async () => {
    const hostile = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.string({ maxLength: 200 }),
      fc.integer({ min: 1, max: backupText.length - 1 }).map((n) => backupText.slice(0, n)),
      fc.constant(backupText + backupText),
      fc.constantFrom('cases', 'events', 'outcomes', 'templates', 'settings', 'outbox', 'corrections', 'meta', 'team').map((store) => editedBackup((b) => b.stores[store]!.push(structuredClone(b.stores[store]![0])))),
      fc
        .constantFrom('format', 'version', 'schemaVersion', 'stores')
        .chain((field) => fc.jsonValue().filter((value) => !stillValid(field, value)).map((value) => editedBackup((b) => ((b as Record<string, unknown>)[field] = value)))),
      protoLaden,
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const result = await importBackup(db, text);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          expect(result.errors.length).toBeLessThanOrEqual(100);
          for (const e of result.errors) expect(e.message.length).toBeGreaterThan(5);
        }
        expect(await dbContent(db)).toBe(baseline);
      }),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('a record listed twice is named, with the record it repeats', async () => {
    const text = editedBackup((b) => b.stores.cases!.push(structuredClone(b.stores.cases![0])));
    const result = await importBackup(db, text);
    expect(result).toMatchObject({ ok: false, errors: [{ store: 'cases', message: expect.stringMatching(/the same caseId as record 0/) }] });
  });

  it('a key named __proto__ anywhere in a record is refused by name', async () => {
    const text = backupText.replace('"stores":{"cases":[{', '"stores":{"cases":[{"__proto__":{"polluted":true},');
    const result = await importBackup(db, text);
    expect(result).toMatchObject({ ok: false, errors: [{ store: 'cases', index: 0, message: 'a key named "__proto__" is not allowed in a record' }] });
  });

  it('the real backup still restores (the checks refuse the hostile, not the honest)', async () => {
    const other = (await freshDb()).db;
    expect((await importBackup(other, backupText)).ok).toBe(true);
    other.close();
  });
});

describe('CSV files', () => {
  it('random, truncated, duplicated and __proto__ files: refused, or (a clean cut at a line end) the same rows again; nothing lost', async () => {
    const casesBefore = canonical(await db.getAll('cases'));
    const eventsBefore = canonical(await db.getAll('events'));
    const [header, ...lines] = casesCsv.trimEnd().split('\r\n');
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.integer({ min: 1, max: casesCsv.length - 1 }).map((n) => casesCsv.slice(0, n)),
      fc.constant(`${header}\r\n${lines[0]}\r\n${lines[0]}\r\n`),
      fc.constant(casesCsv.replace('caseId', '__proto__')),
      fc.constant(`${header},caseId\r\n${lines.map((l) => `${l},gmail:injected`).join('\r\n')}\r\n`),
      fc.constant(casesCsv.replace(/,complaint,/, ',=HYPERLINK("http://evil.example"),')),
      fc.integer({ min: 1, max: eventsCsv.length - 1 }).map((n) => eventsCsv.slice(0, n)),
    );
    await fc.assert(
      fc.asyncProperty(hostile, fc.boolean(), async (text, asEvents) => {
        const before = await dbContent(db);
        const result = asEvents ? await importEventsCsv(db, text) : await importCasesCsv(db, text);
        if (!result.ok) {
          for (const e of result.errors) expect(e.message.length).toBeGreaterThan(5);
          expect(await dbContent(db)).toBe(before);
        }
        // Accepted only when every row is one the database already holds, identical: nothing lost, nothing added.
        expect(canonical(await db.getAll('cases'))).toBe(casesBefore);
        expect(canonical(await db.getAll('events'))).toBe(eventsBefore);
      }),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('template files', () => {
  it('random, truncated and __proto__-laden files are refused; the library is unchanged', async () => {
    const before = JSON.stringify(await db.getAll('templates'));
    const hostile = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.integer({ min: 1, max: templatesJson.length - 2 }).map((n) => templatesJson.slice(0, n)),
      fc.constant(templatesJson.replace('"templates": [', '"__proto__": {"polluted": true}, "templates": [{"__proto__": {"polluted": true}}, ')),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const result = await importLibrary(db, text, { by: 'Lead', at: '2026-03-03T00:00:00.000Z' });
        expect(result.ok).toBe(false);
        expect(JSON.stringify(await db.getAll('templates'))).toBe(before);
      }),
      { numRuns: 100 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('50 MB files', () => {
  const FIFTY_MB = 50 * 1024 * 1024;
  /** Heap growth while `work` runs, after the input already exists. */
  async function heapGrowth(work: () => Promise<unknown>): Promise<number> {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);
    try {
      await work();
    } finally {
      clearInterval(timer);
    }
    return Math.max(peak, process.memoryUsage().heapUsed) - before;
  }

  it('a backup is refused on its length, before parsing, in words; memory stays bounded', async () => {
    const before = await dbContent(db);
    // A real backup's opening, then 50 MB of plausible rows.
    const row = JSON.stringify({ caseId: 'gmail:x', host: 'gmail', threadId: 'x', subject: 'Hello', stage: 'received', agentId: 'a', createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', open: 1 });
    const big = `{"format":"caseline-backup","version":1,"schemaVersion":5,"exportedAt":"2026-03-03T00:00:00.000Z","stores":{"cases":[${`${row},`.repeat(Math.ceil(FIFTY_MB / (row.length + 1)))}${row}]}}`;
    expect(big.length).toBeGreaterThan(FIFTY_MB);
    expect(big.length).toBeGreaterThan(MAX_BACKUP_BYTES);
    let result: Awaited<ReturnType<typeof importBackup>> | undefined;
    const grew = await heapGrowth(async () => (result = await importBackup(db, big)));
    expect(result).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/^The backup is 5\d MiB; Caseline reads at most 40 MiB, so nothing was read or changed\.$/) }] });
    // Parsing it would take several times its size; refusing it takes almost nothing.
    expect(grew).toBeLessThan(big.length * 3);
    expect(grew).toBeLessThan(8 * 1024 * 1024);
    expect(await dbContent(db)).toBe(before);
  });

  it('a CSV is refused on its length, before it is split into cells; memory stays bounded', async () => {
    const before = await dbContent(db);
    const [header, line] = casesCsv.split('\r\n');
    const big = `${header}\r\n${`${line}\r\n`.repeat(Math.ceil(FIFTY_MB / (line!.length + 2)))}`;
    expect(big.length).toBeGreaterThan(FIFTY_MB);
    for (const importer of [importCasesCsv, importEventsCsv]) {
      let result: Awaited<ReturnType<typeof importCasesCsv>> | undefined;
      const grew = await heapGrowth(async () => (result = await importer(db, big)));
      expect(result).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/^The CSV file is 5\d MiB; Caseline reads at most 40 MiB/) }] });
      expect(grew).toBeLessThan(8 * 1024 * 1024);
    }
    expect(await dbContent(db)).toBe(before);
  });

  it('a templates file is refused on its length', async () => {
    const big = `{"format":"caseline-templates","version":1,"templates":[${'{},'.repeat(FIFTY_MB / 3)}{}]}`;
    const result = await importLibrary(db, big, null);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/templates file is 5\d MiB; Caseline reads at most 5\.0 MiB/) });
  });
});
