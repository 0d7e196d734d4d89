/**
 * The options page's exports, which the page reads straight from the extension's database: the
 * JSON backup holds every record restored into the browser and restores again to the same; the
 * CSV tables list the same cases, events and outcomes. The download itself is the browser's: the
 * test keeps what the page hands to it (the link's file name and the blob's text).
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../utils/cases/events';
import type { CaseRecord, OutcomeRecord } from '../../utils/cases/records';
import { LATEST_VERSION } from '../../utils/db/migrations';
import { parseCsv, unescapeCell } from '../../utils/backup/csv';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { openPage, sendFromPage } from './support/extension-pages';

const at = (day: string) => `2026-05-${day}:00.000Z`;
const record = (id: string, subject: string, email: string, created: string): CaseRecord => ({
  caseId: `gmail:${id}`,
  host: 'gmail',
  threadId: id,
  subject,
  customerEmail: email,
  category: 'complaint',
  stage: 'acknowledged',
  agentId: 'agent-ines',
  createdAt: at(created),
  updatedAt: at(created),
  open: 1,
});
const CASES = [record('ex1', 'Parcel arrived crushed', 'mara@example.org', '04T09:00'), record('ex2', 'Läuft die Garantie noch?', 'jonas@example.de', '05T10:30')];
const EVENTS: CaseEvent[] = CASES.flatMap((c, i) => [
  { id: `01JEXPORT${i}0000000000001`, caseId: c.caseId, type: 'received', at: c.createdAt, actor: 'customer', source: 'auto', data: {} },
  { id: `01JEXPORT${i}0000000000002`, caseId: c.caseId, type: 'acknowledged', at: c.createdAt.replace(':00.000Z', ':30.000Z'), actor: 'agent-ines', source: 'agent', data: {} },
]) as CaseEvent[];
const OUTCOMES: OutcomeRecord[] = [{ caseId: 'gmail:ex1', agentId: 'agent-ines', recordedAt: at('06T12:00'), csat: 4, feedback: 'Quick, "kind", helpful' }];
const BACKUP = JSON.stringify({ format: 'caseline-backup', version: 1, schemaVersion: LATEST_VERSION, exportedAt: at('07T00:00'), stores: { cases: CASES, events: EVENTS, outcomes: OUTCOMES } });

/** A CSV file's rows, header first, cells as written before escaping. */
function rows(text: string): string[][] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.error}`);
  return parsed.records.map((r) => r.cells.map(unescapeCell));
}

/** What the page handed to the browser to save, oldest first. */
async function downloads(page: Page): Promise<Array<{ name: string; text: string }>> {
  return page.evaluate(() => (globalThis as unknown as { __saved: Array<{ name: string; text: string }> }).__saved);
}

/** Keeps each file the page saves (the link it clicks, the blob behind it), then lets the click go on. */
async function keepDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const saved: Array<{ name: string; text: string }> = [];
    (globalThis as unknown as { __saved: typeof saved }).__saved = saved;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) {
        const name = this.download;
        void fetch(this.href)
          .then((r) => r.text())
          .then((text) => saved.push({ name, text }));
        return;
      }
      click.call(this);
    };
  });
}

async function exportAndWait(page: Page, testId: string, count: number): Promise<{ name: string; text: string }> {
  await page.click(`[data-testid="${testId}"]`);
  await page.waitForFunction((n: number) => (globalThis as unknown as { __saved: unknown[] }).__saved.length >= n, { timeout: 15_000, polling: 50 }, count);
  return (await downloads(page))[count - 1]!;
}

describe('exports from the options page', () => {
  let eb: ExtensionBrowser;
  let page: Page;
  beforeAll(async () => {
    eb = await launchWithExtension();
    await eb.serviceWorker();
    // The onboarding tab the install opens would take the focus mid-test.
    await closeInstallTab(eb);
    page = await openPage(eb, 'options.html#data');
    const imported = await sendFromPage<{ applied: number }>(page, 'importBackup', { json: BACKUP });
    expect(imported).toEqual({ ok: true, value: { applied: CASES.length + EVENTS.length + OUTCOMES.length } });
    await keepDownloads(page);
  });
  afterAll(async () => {
    await eb?.close();
  });

  it('the JSON backup holds every record, and restores to the same', async () => {
    const file = await exportAndWait(page, 'export-backup', 1);
    expect(file.name).toMatch(/^caseline-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(file.text) as { format: string; schemaVersion: number; stores: { cases: CaseRecord[]; events: CaseEvent[]; outcomes: OutcomeRecord[]; settings: unknown[] } };
    expect(backup.format).toBe('caseline-backup');
    expect(backup.schemaVersion).toBe(LATEST_VERSION);
    expect(backup.stores.cases.map((c) => [c.caseId, c.subject, c.customerEmail]).sort()).toEqual(CASES.map((c) => [c.caseId, c.subject, c.customerEmail]).sort());
    expect(backup.stores.events.map((e) => e.id).sort()).toEqual(EVENTS.map((e) => e.id).sort());
    expect(backup.stores.outcomes).toEqual(OUTCOMES);
    expect(backup.stores.settings.length).toBeGreaterThan(0);
    // The file restores, replacing nothing with anything different.
    const restored = await sendFromPage<{ applied: number }>(page, 'importBackup', { json: file.text });
    expect(restored.ok).toBe(true);
    const again = JSON.parse((await exportAndWait(page, 'export-backup', 2)).text) as typeof backup;
    expect(again.stores.cases).toEqual(backup.stores.cases);
    expect(again.stores.events).toEqual(backup.stores.events);
    expect(again.stores.outcomes).toEqual(backup.stores.outcomes);
    await expect(page.$eval('.status.ok', (el) => el.textContent)).resolves.toBe('Backup downloaded.');
  });

  it('the CSV tables list the same cases, events and outcomes', async () => {
    const select = '#field-data-csvKind';
    const before = (await downloads(page)).length;
    const cases = rows((await exportAndWait(page, 'export-csv', before + 1)).text);
    expect(cases[0]).toContain('customerEmail');
    const subjectAt = cases[0]!.indexOf('subject');
    expect(cases.slice(1).map((row) => row[subjectAt]).sort()).toEqual(CASES.map((c) => c.subject).sort());

    await page.select(select, 'events');
    const events = rows((await exportAndWait(page, 'export-csv', before + 2)).text);
    expect(events.length - 1).toBe(EVENTS.length);

    await page.select(select, 'outcomes');
    const outcomes = rows((await exportAndWait(page, 'export-csv', before + 3)).text);
    const feedbackAt = outcomes[0]!.indexOf('feedback');
    expect(outcomes.slice(1).map((row) => row[feedbackAt])).toEqual(['Quick, "kind", helpful']);
    expect((await downloads(page)).slice(before).map((f) => f.name.replace(/\d{4}-\d{2}-\d{2}/, 'DAY'))).toEqual(['caseline-cases-DAY.csv', 'caseline-events-DAY.csv', 'caseline-outcomes-DAY.csv']);
  });
});
