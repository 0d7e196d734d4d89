/**
 * CSV export of cases, events and outcomes, and CSV import of cases and events: every row is
 * checked (errors name the file line), then all rows go in one transaction, or none.
 */
import * as v from 'valibot';
import { describeIssues, parseCaseEvent } from '../cases/event-schema';
import type { CaseEvent } from '../cases/events';
import type { CaseRecord, OutcomeRecord } from '../cases/records';
import { forgetDerivedStates } from '../db/case-store';
import type { WriteTx } from '../db/case-store';
import { rebuildLocalDigests } from '../db/digests';
import { beginTransaction, inOneTransaction } from '../db/errors';
import type { CaselineDb, NoteRecord } from '../db/schema';
import { parseCsv, toCsv, unescapeCell } from './csv';
import type { CsvColumn } from './csv';
import { CaseRecordSchema } from './record-schemas';
import { MAX_CSV_BYTES, tooLargeMessage } from './import-limits';

export const CASE_COLUMNS = [
  'caseId', 'host', 'threadId', 'subject', 'customerEmail', 'customerName', 'category', 'stage',
  'reference', 'agentId', 'createdAt', 'updatedAt', 'nextDueAt', 'open', 'closedAt',
] as const satisfies readonly (keyof CaseRecord)[];

export const EVENT_COLUMNS: readonly CsvColumn<CaseEvent>[] = [
  { key: 'id' }, { key: 'caseId' }, { key: 'type' }, { key: 'at' }, { key: 'actor' }, { key: 'source' },
  { key: 'data', value: (e) => JSON.stringify(e.data) },
];

export const OUTCOME_COLUMNS = [
  'caseId', 'code', 'summary', 'csat', 'nps', 'followUpOn', 'feedback', 'agentId', 'recordedAt',
] as const satisfies readonly (keyof OutcomeRecord)[];

/** Internal notes (shared inbox): the team's notes this browser holds, mentions as a space-separated list. */
export const NOTE_COLUMNS: readonly CsvColumn<NoteRecord>[] = [
  { key: 'id' }, { key: 'caseId' }, { key: 'thread' }, { key: 'at' }, { key: 'by' }, { key: 'name' }, { key: 'text' },
  { key: 'mentions', value: (n) => n.mentions.join(' ') }, { key: 'origin' },
];

export const casesToCsv = (rows: readonly CaseRecord[]): string => toCsv(rows, CASE_COLUMNS);
export const eventsToCsv = (rows: readonly CaseEvent[]): string => toCsv(rows, EVENT_COLUMNS);
export const outcomesToCsv = (rows: readonly OutcomeRecord[]): string => toCsv(rows, OUTCOME_COLUMNS);
export const notesToCsv = (rows: readonly NoteRecord[]): string => toCsv(rows, NOTE_COLUMNS);

export async function exportCasesCsv(db: CaselineDb): Promise<string> {
  return casesToCsv(await db.getAllFromIndex('cases', 'byCreatedAt'));
}
/** Events by time (ties in log order). Reads the store in key order and sorts: cheaper than the index. */
export async function exportEventsCsv(db: CaselineDb): Promise<string> {
  const events = await db.getAll('events');
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return eventsToCsv(events);
}
export async function exportOutcomesCsv(db: CaselineDb): Promise<string> {
  return outcomesToCsv(await db.getAllFromIndex('outcomes', 'byRecordedAt'));
}
/** Notes by time. */
export async function exportNotesCsv(db: CaselineDb): Promise<string> {
  return notesToCsv(await db.getAllFromIndex('notes', 'byAt'));
}

export interface BadLine {
  /** 1-based line in the file. */
  line: number;
  message: string;
}

export type CsvImportResult = { ok: true; imported: number } | { ok: false; errors: BadLine[] };

/** Reads a CSV into objects keyed by header, checking the header has the required columns. */
function readTable(text: string, required: readonly string[], known: readonly string[]): { ok: true; rows: { line: number; values: Record<string, string> }[] } | { ok: false; errors: BadLine[] } {
  // Before parsing: a file too large is refused without being split into cells.
  if (text.length > MAX_CSV_BYTES) return { ok: false, errors: [{ line: 0, message: tooLargeMessage('CSV file', text.length, MAX_CSV_BYTES) }] };
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: [{ line: parsed.line, message: `The file is not valid CSV: ${parsed.error}.` }] };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, errors: [{ line: 1, message: 'The file is empty.' }] };
  const names = header.cells.map((c) => unescapeCell(c.trim()));
  const errors: BadLine[] = [];
  const missing = required.filter((r) => !names.includes(r));
  if (missing.length > 0) errors.push({ line: header.line, message: `Missing column(s): ${missing.join(', ')}.` });
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) errors.push({ line: header.line, message: `Unknown column(s): ${unknown.join(', ')}.` });
  const twice = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (twice.length > 0) errors.push({ line: header.line, message: `Column(s) named twice: ${twice.join(', ')}.` });
  if (errors.length > 0) return { ok: false, errors };
  const rows: { line: number; values: Record<string, string> }[] = [];
  for (const record of records) {
    if (record.cells.length !== names.length) {
      errors.push({ line: record.line, message: `Expected ${names.length} cells, found ${record.cells.length}.` });
      continue;
    }
    // No prototype: a column named __proto__ is refused as unknown above, and cannot reach one here.
    const values: Record<string, string> = Object.create(null) as Record<string, string>;
    names.forEach((name, i) => (values[name] = unescapeCell(record.cells[i]!)));
    rows.push({ line: record.line, values });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function withoutEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
}

/** Imports (merges) case summaries from CSV; all rows or none. */
export async function importCasesCsv(db: CaselineDb, text: string): Promise<CsvImportResult> {
  const table = readTable(text, ['caseId', 'host', 'threadId', 'stage', 'agentId', 'createdAt', 'updatedAt', 'open'], CASE_COLUMNS);
  if (!table.ok) return table;
  const errors: BadLine[] = [];
  const records: CaseRecord[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const raw: Record<string, unknown> = { subject: '', ...withoutEmpty(values) };
    if (raw.open !== undefined) raw.open = raw.open === '1' ? 1 : raw.open === '0' ? 0 : raw.open;
    const result = v.safeParse(CaseRecordSchema, raw);
    if (!result.success) {
      errors.push({ line, message: describeIssues(result.issues) });
      continue;
    }
    const earlier = seen.get(result.output.caseId);
    if (earlier !== undefined) errors.push({ line, message: `Case ${result.output.caseId} already appears on line ${earlier}.` });
    seen.set(result.output.caseId, line);
    records.push(result.output as CaseRecord);
  }
  if (errors.length > 0) return { ok: false, errors };
  const tx = beginTransaction(() => db.transaction(['cases', 'events', 'digests', 'packs'], 'readwrite') as unknown as WriteTx);
  await inOneTransaction(tx, async () => {
    await Promise.all(records.map((r) => tx.objectStore('cases').put(r)));
    await rebuildLocalDigests(tx, records.map((r) => r.caseId));
  });
  return { ok: true, imported: records.length };
}

/**
 * Imports events from CSV; all rows or none. Each event's case must exist (import cases first);
 * an id already in the log is accepted only with identical content (the log is append-only).
 */
export async function importEventsCsv(db: CaselineDb, text: string): Promise<CsvImportResult> {
  forgetDerivedStates(db);
  const table = readTable(text, EVENT_COLUMNS.map((c) => c.key), EVENT_COLUMNS.map((c) => c.key));
  if (!table.ok) return table;
  const errors: BadLine[] = [];
  const events: { line: number; event: CaseEvent }[] = [];
  for (const { line, values } of table.rows) {
    let data: unknown;
    try {
      data = JSON.parse(values.data ?? '');
    } catch {
      errors.push({ line, message: 'data: must be a JSON object such as {"messageId":"…"}' });
      continue;
    }
    const checked = parseCaseEvent({ ...values, data });
    if (!checked.ok) errors.push({ line, message: checked.error });
    else events.push({ line, event: checked.event });
  }
  if (errors.length > 0) return { ok: false, errors };

  const tx = beginTransaction(() => db.transaction(['cases', 'events', 'digests', 'packs'], 'readwrite') as unknown as WriteTx);
  const outcome = await inOneTransaction(tx, async (): Promise<CsvImportResult> => {
    const found: BadLine[] = [];
    const caseExists = new Map<string, boolean>();
    const fresh: CaseEvent[] = [];
    const inFile = new Map<string, number>();
    for (const { line, event } of events) {
      if (!caseExists.has(event.caseId)) caseExists.set(event.caseId, (await tx.objectStore('cases').getKey(event.caseId)) !== undefined);
      if (!caseExists.get(event.caseId)) found.push({ line, message: `No case ${event.caseId} in the database (import the cases first).` });
      const earlier = inFile.get(event.id);
      if (earlier !== undefined) found.push({ line, message: `Event ${event.id} already appears on line ${earlier}.` });
      inFile.set(event.id, line);
      const existing = await tx.objectStore('events').get(event.id);
      if (existing === undefined) fresh.push(event);
      else if (JSON.stringify(sortKeys(existing)) !== JSON.stringify(sortKeys(event))) {
        found.push({ line, message: `Event ${event.id} is already in the log with different content; events are never changed.` });
      }
    }
    if (found.length > 0) return { ok: false, errors: found };
    await Promise.all(fresh.map((e) => tx.objectStore('events').add(e)));
    await rebuildLocalDigests(tx, fresh.map((e) => e.caseId));
    return { ok: true, imported: fresh.length };
  });
  return outcome;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
