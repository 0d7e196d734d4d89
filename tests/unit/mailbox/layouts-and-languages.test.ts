// @vitest-environment happy-dom
/**
 * Every reader on every layout and language fixture (tests/fixtures/*\/localised, *\/layouts): the
 * facts a page shows (thread id, subject, senders, times, message count, collapsed state, newest
 * text, list rows, the reply editor) come out exactly, whatever the interface language.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
import * as outlook from '../../../utils/mailbox/outlook';
import type { ThreadListRow, ThreadSnapshot } from '../../../utils/cases/mail-thread';
import { layoutCatalog, localisedRealCatalog, type CatalogEntry, type RowExpectation, type ThreadExpectation } from '../../fixtures/build/layout-catalog';
import { loadFixture, type LoadedPage } from './load-page';

const opened: LoadedPage[] = [];
afterAll(async () => {
  for (const page of opened) await page.close();
});

const entries: CatalogEntry[] = [...localisedRealCatalog(), ...layoutCatalog()].map(({ html: _html, ...entry }) => entry);
const adapterOf = (entry: CatalogEntry) => (entry.host === 'gmail' ? gmail.gmailAdapter : outlook.outlookAdapter);

function open(entry: CatalogEntry): Document {
  const page = loadFixture(entry.path, entry.url);
  opened.push(page);
  return page.document;
}

function checkThread(thread: ThreadSnapshot | null, expected: ThreadExpectation): void {
  expect(thread).not.toBeNull();
  expect(thread!.threadId).toBe(expected.threadId);
  expect(thread!.subject).toBe(expected.subject);
  if ('account' in expected) expect(thread!.account).toBe(expected.account);
  expect(thread!.messages).toHaveLength(expected.messages.length);
  thread!.messages.forEach((message, i) => {
    const want = expected.messages[i]!;
    if (want.email) expect(message.from.email, `message ${i + 1} sender`).toBe(want.email);
    if (want.name) expect(message.from.name, `message ${i + 1} name`).toBe(want.name);
    expect(message.sentAt, `message ${i + 1} time`).toBe(want.sentAt);
    expect(message.collapsed, `message ${i + 1} collapsed`).toBe(want.collapsed);
    expect(message.text.startsWith(want.textStart), `message ${i + 1} text: ${JSON.stringify(message.text.slice(0, 80))}`).toBe(true);
    if (want.textLacks) expect(message.text).not.toContain(want.textLacks);
  });
}

function checkRows(rows: ThreadListRow[], expected: RowExpectation[]): void {
  expect(rows).toHaveLength(expected.length);
  rows.forEach((row, i) => {
    const want = expected[i]!;
    expect(row.threadId, `row ${i + 1} id`).toBe(want.threadId);
    expect(row.subject, `row ${i + 1} subject`).toBe(want.subject);
    if (want.email) expect(row.from.email, `row ${i + 1} sender`).toBe(want.email);
    if (want.name) expect(row.from.name, `row ${i + 1} name`).toBe(want.name);
    if (want.sentAt) expect(row.sentAt, `row ${i + 1} time`).toBe(want.sentAt);
    expect(row.unread, `row ${i + 1} unread`).toBe(want.unread);
    if (want.snippetStart) expect(row.snippet?.startsWith(want.snippetStart), `row ${i + 1} snippet: ${row.snippet}`).toBe(true);
  });
}

describe.each(entries)('$path ($lang): $made', (entry) => {
  const doc = open(entry);
  const adapter = adapterOf(entry);
  const options = { url: entry.url, timeZone: entry.timeZone };

  if (entry.thread !== undefined) {
    it(entry.thread ? 'reads the open thread' : 'reads no thread', () => {
      const thread = adapter.readThread(doc, options);
      if (entry.thread === null) expect(thread).toBeNull();
      else checkThread(thread, entry.thread!);
    });
  }

  if (entry.rows) {
    it('reads the conversation list', () => {
      checkRows(adapter.readThreadList(doc, options), entry.rows!);
    });
  }

  if (entry.replyEditor !== undefined) {
    it(entry.replyEditor ? 'finds the reply editor of the thread' : 'finds no reply editor', () => {
      const editor = adapter.findReplyEditor(doc);
      if (entry.replyEditor) expect(editor).not.toBeNull();
      else expect(editor).toBeNull();
    });
  }

  it('is healthy when the thread reads, and says which fact is missing when it does not', () => {
    const health = adapter.health(doc, options);
    if (entry.thread) expect(health.ok).toBe(true);
    if (entry.thread === null) expect(health.missing[0]).toBe('messages');
  });
});

describe('fixtures cover every reader in six interface languages', () => {
  it.each(['gmail', 'outlook'] as const)('%s: thread and list readers each see en, es, de, ru, pt and ja markup', (host) => {
    const all = [...entries, ...builtInLanguages(host)];
    const threadLangs = new Set(all.filter((e) => e.host === host && e.thread).map((e) => e.lang));
    const listLangs = new Set(all.filter((e) => e.host === host && e.rows).map((e) => e.lang));
    for (const lang of ['en', 'es', 'de', 'ru', 'pt', 'ja']) {
      expect(threadLangs.has(lang as never), `${host} thread ${lang}`).toBe(true);
      expect(listLangs.has(lang as never), `${host} list ${lang}`).toBe(true);
    }
  });
});

/** The assembled fixtures tested elsewhere: Gmail in English, Outlook in German and English. */
function builtInLanguages(host: 'gmail' | 'outlook'): Array<Pick<CatalogEntry, 'host' | 'lang' | 'thread' | 'rows'>> {
  const thread = { threadId: '', subject: '', messages: [] };
  if (host === 'gmail') return [{ host, lang: 'en', thread, rows: [] }];
  return [
    { host, lang: 'de', thread, rows: [] },
    { host, lang: 'en', thread, rows: [] },
  ];
}
