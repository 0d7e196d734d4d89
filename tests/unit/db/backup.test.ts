import { LATEST_VERSION } from '../../../utils/db/migrations';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeCell, parseCsv, toCsv, unescapeCell } from '../../../utils/backup/csv';
import { casesToCsv, eventsToCsv, exportCasesCsv, exportEventsCsv, exportOutcomesCsv, importCasesCsv, importEventsCsv } from '../../../utils/backup/csv-transfer';
import { exportBackup, importBackup } from '../../../utils/backup/json-backup';
import { applyCaseEvents, putOutcome, putTemplate, runCaseCommand } from '../../../utils/db';
import type { CaselineDb } from '../../../utils/db';
import { event, freshDb, newId } from './helpers';

const dbs: CaselineDb[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));
async function open(): Promise<CaselineDb> {
  const { db } = await freshDb();
  dbs.push(db);
  return db;
}

async function seed(db: CaselineDb): Promise<void> {
  await applyCaseEvents(db, 'gmail:t1', [event('gmail:t1', 'received', '2026-03-01T08:00:00.000Z', { messageId: 'm1' }, 'customer'), event('gmail:t1', 'category_set', '2026-03-01T08:00:01.000Z', { category: 'complaint', by: 'classifier', confidence: 0.8 }, 'system')], { subject: '=HYPERLINK("http://evil.example","click")', customerEmail: 'dana@example.org', customerName: '@Dana, "the" customer' }, { syncable: true, agentId: 'agent-ann', now: '2026-03-01T08:01:00.000Z' });
  for (const command of [{ type: 'acknowledge' }, { type: 'resolve', code: 'refunded', summary: '-Refunded\nin full' }] as const) {
    const r = await runCaseCommand(db, { caseId: 'gmail:t1', command, agentId: 'agent-ann', now: '2026-03-01T09:00:00.000Z', newId, syncable: true, referencePrefix: 'AB' });
    if (!r.ok) throw new Error(r.error);
  }
  await applyCaseEvents(db, 'outlook:t2', [event('outlook:t2', 'received', '2026-03-02T08:00:00.000Z', {}, 'customer')], { subject: 'Plain' }, { syncable: false, agentId: 'agent-ann', now: '2026-03-02T08:00:00.000Z' });
  await putOutcome(db, { caseId: 'gmail:t1', agentId: 'agent-ann', recordedAt: '2026-03-01T10:00:00.000Z', code: 'refunded', csat: 4, feedback: '+1 for speed' });
  await putTemplate(db, { id: 'ack', name: 'Acknowledge', body: 'Hello', version: 1, updatedAt: '2026-03-01T00:00:00.000Z' });
  await db.put('corrections', { id: 'c1', at: '2026-03-01T00:00:00.000Z', to: 'complaint', features: { refund: 2 } });
  await db.put('checkpoints', { id: 'team', seq: '3-x', updatedAt: '2026-03-01T00:00:00.000Z' });
}

describe('toCsv', () => {
  it('quotes per RFC 4180 and ends rows with CRLF', () => {
    expect(toCsv([{ a: 'plain', b: 'with, comma', c: 'say "hi"', d: 'two\nlines', e: 3, f: undefined }], ['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a,b,c,d,e,f\r\nplain,"with, comma","say ""hi""","two\nlines",3,\r\n');
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    for (const dangerous of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) {
      const cell = escapeCell(dangerous);
      expect(cell.startsWith(`"'`)).toBe(true);
      expect(cell).toBe(`"'${dangerous.replace(/"/g, '""')}"`);
    }
    expect(escapeCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(escapeCell(-2)).toBe('-2');
    expect(escapeCell("'quoted")).toBe(`"''quoted"`);
    expect(escapeCell('safe=text')).toBe('safe=text');
  });

  it('round-trips any text through parseCsv and unescapeCell', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", 'a', ' ') }))), (pairs) => {
        const rows = pairs.map(([x, y]) => ({ x, y }));
        const parsed = parseCsv(toCsv(rows, ['x', 'y']));
        if (!parsed.ok) throw new Error(parsed.error);
        const back = parsed.records.slice(1).map((r) => ({ x: unescapeCell(r.cells[0]!), y: unescapeCell(r.cells[1]!) }));
        // Rows whose every cell is empty are written as "," and still come back.
        expect(back).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('reports the line of a malformed record', () => {
    expect(parseCsv('a,b\r\n"open,1\r\n')).toEqual({ ok: false, line: 2, error: 'a quoted field is never closed' });
    expect(parseCsv('a,b\nx"y,1\n')).toEqual({ ok: false, line: 2, error: 'a quote inside an unquoted field' });
  });
});

describe('JSON backup', () => {
  it('exports everything and restores it into an empty database identically', async () => {
    const source = await open();
    await seed(source);
    const backup = await exportBackup(source, '2026-03-05T00:00:00.000Z');
    expect(backup).toMatchObject({ format: 'caseline-backup', version: 1, schemaVersion: LATEST_VERSION });
    expect(Object.keys(backup.stores)).not.toContain('digests'); // derived: rebuilt on restore
    expect(backup.stores.events.length).toBe(5);
    expect(backup.stores.outbox.length).toBeGreaterThan(0);
    const target = await open();
    const result = await importBackup(target, JSON.stringify(backup), { replace: true });
    expect(result.ok).toBe(true);
    expect(await exportBackup(target, '2026-03-05T00:00:00.000Z')).toEqual(backup);
  });

  it('reports every bad row by store and index and applies nothing', async () => {
    const source = await open();
    await seed(source);
    const backup = await exportBackup(source);
    const broken = structuredClone(backup) as unknown as { stores: Record<string, Record<string, unknown>[]> };
    broken.stores.cases![1]!.stage = 'lost';
    broken.stores.events![3]!.at = 'soon';
    broken.stores.outcomes![0]!.csat = 11;
    const target = await open();
    await target.put('settings', { key: 'retentionDays', value: 7 });
    const result = await importBackup(target, broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.store, e.index])).toEqual([['cases', 1], ['events', 3], ['outcomes', 0]]);
    expect(result.errors[1]!.message).toMatch(/^at: must be an ISO date-time/);
    expect(await target.count('cases')).toBe(0);
    expect((await target.getAll('settings'))).toEqual([{ key: 'retentionDays', value: 7 }]);
  });

  it('refuses files that are not backups', async () => {
    const target = await open();
    expect(await importBackup(target, '{nope')).toMatchObject({ ok: false, errors: [{ index: -1, message: expect.stringMatching(/not valid JSON/) }] });
    expect(await importBackup(target, { format: 'other', version: 1, schemaVersion: 1, stores: {} })).toMatchObject({ ok: false });
    expect(await importBackup(target, { format: 'caseline-backup', version: 1, schemaVersion: 99, stores: {} })).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/newer Caseline/) }] });
  });
});

describe('CSV export and import', () => {
  it('exports cases, events and outcomes with injection defused', async () => {
    const db = await open();
    await seed(db);
    const cases = await exportCasesCsv(db);
    expect(cases.split('\r\n')[0]).toBe('caseId,host,threadId,subject,customerEmail,customerName,category,stage,reference,agentId,createdAt,updatedAt,nextDueAt,open,closedAt');
    expect(cases).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(cases).toContain(`"'@Dana, ""the"" customer"`);
    expect(cases).toContain('CMP-AB-0001');
    // The data column is JSON (starts with "{"), so a leading minus inside it is harmless.
    expect(await exportEventsCsv(db)).toContain(`,"{""code"":""refunded"",""summary"":""-Refunded\\nin full""}"\r\n`);
    expect(await exportOutcomesCsv(db)).toContain(`"'+1 for speed"`);
  });

  it('round-trips cases and events through CSV into another database', async () => {
    const source = await open();
    await seed(source);
    const target = await open();
    expect(await importCasesCsv(target, await exportCasesCsv(source))).toEqual({ ok: true, imported: 2 });
    expect(await importEventsCsv(target, await exportEventsCsv(source))).toEqual({ ok: true, imported: 5 });
    expect((await target.getAll('cases'))).toEqual(await source.getAll('cases'));
    expect((await target.getAll('events'))).toEqual(await source.getAll('events'));
    // Importing the same events again is harmless.
    expect(await importEventsCsv(target, await exportEventsCsv(source))).toEqual({ ok: true, imported: 0 });
  });

  it('reports each bad case row with its file line and imports none', async () => {
    const good = casesToCsv([{ caseId: 'gmail:a', host: 'gmail', threadId: 'a', subject: 'Two\nlines', stage: 'received', agentId: 'ann', createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', open: 1 }]);
    const lines = good.trimEnd().split('\r\n');
    const text = [
      ...lines, // header on line 1, the record spans lines 2-3
      'gmail:b,gmail,b,Hi,not-an-email,,,received,,ann,2026-03-01T00:00:00.000Z,2026-03-01T00:00:00.000Z,,1,',
      'gmail:c,gmail,c,Hi,,,,shipped,,ann,2026-03-01T00:00:00.000Z,2026-03-01T00:00:00.000Z,,1,',
      'gmail:d,gmail,d,Hi,,,,received,,ann,2026-03-01T00:00:00.000Z,2026-03-01T00:00:00.000Z,,1,',
      'gmail:a,gmail,a,again,,,,received,,ann,2026-03-01T00:00:00.000Z,2026-03-01T00:00:00.000Z,,1,',
      'too,few',
    ].join('\r\n');
    const db = await open();
    const result = await importCasesCsv(db, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([8]);
    const withoutShortRow = text.split('\r\n').slice(0, -1).join('\r\n');
    const second = await importCasesCsv(db, withoutShortRow);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.errors.map((e) => e.line)).toEqual([4, 5, 7]);
    expect(second.errors[0]!.message).toMatch(/customerEmail: must be an email address/);
    expect(second.errors[1]!.message).toMatch(/stage/);
    expect(second.errors[2]!.message).toMatch(/already appears on line 2/);
    expect(await db.count('cases')).toBe(0);
  });

  it('refuses events of unknown cases or that would rewrite the log, importing none', async () => {
    const source = await open();
    await seed(source);
    const events = await source.getAll('events');
    const target = await open();
    await importCasesCsv(target, await exportCasesCsv(source));
    await target.put('events', events[0]!);
    const changed = { ...events[0]!, actor: 'someone-else' };
    const orphan = event('gmail:nowhere', 'received', '2026-03-01T00:00:00.000Z', {}, 'customer');
    const result = await importEventsCsv(target, eventsToCsv([changed, events[1]!, orphan]));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, message: `Event ${events[0]!.id} is already in the log with different content; events are never changed.` },
        { line: 4, message: 'No case gmail:nowhere in the database (import the cases first).' },
      ],
    });
    expect(await target.count('events')).toBe(1);
    const bad = await importEventsCsv(target, 'id,caseId,type,at,actor,source,data\r\nx,gmail:t1,received,2026-03-01T00:00:00.000Z,customer,auto,{oops\r\ny,gmail:t1,shouted,2026-03-01T00:00:00.000Z,customer,auto,{}\r\n');
    expect(bad).toMatchObject({ ok: false, errors: [{ line: 2, message: expect.stringMatching(/data/) }, { line: 3, message: expect.stringMatching(/type/) }] });
    expect(await importEventsCsv(target, 'id,caseId\r\n')).toMatchObject({ ok: false, errors: [{ line: 1, message: expect.stringMatching(/Missing column/) }] });
  });
});
