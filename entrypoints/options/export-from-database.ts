/**
 * The options page's exports (a JSON backup, a CSV table), read by the page straight from the
 * extension's database: the background opens (makes or upgrades) it and says at which version
 * (`databaseReady`), the page reads at that version only, never creating or upgrading it, in one
 * read transaction per export. Loaded on the first export, so the page opens without it.
 */
import { ask } from '@/components/pages/ask-background';
import type { ExportKind } from '@/components/options/data-section';
import { exportBackup } from '@/utils/backup/json-backup';
import { exportCasesCsv, exportEventsCsv, exportNotesCsv, exportOutcomesCsv } from '@/utils/backup/csv-transfer';
import { describeDbError } from '@/utils/db/errors';
import { openDatabaseForPage } from '@/utils/db/open-for-page';
import type { Reply } from '@/utils/messages';

const CSV = { cases: exportCasesCsv, events: exportEventsCsv, outcomes: exportOutcomesCsv, notes: exportNotesCsv } as const;

export async function exportFromDatabase(factory: IDBFactory, kind: ExportKind): Promise<Reply<string>> {
  const ready = await ask('databaseReady', {});
  if (!ready.ok) return ready;
  const db = await openDatabaseForPage(factory, ready.value.schemaVersion);
  if (!db) return { ok: false, error: 'The records could not be read just now (Caseline may be updating its database). Try again in a moment.' };
  try {
    return { ok: true, value: kind === 'backup' ? JSON.stringify(await exportBackup(db)) : await CSV[kind](db) };
  } catch (error) {
    return { ok: false, error: describeDbError(error) };
  } finally {
    db.close();
  }
}
