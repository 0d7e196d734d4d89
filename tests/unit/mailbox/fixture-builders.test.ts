// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
import * as outlook from '../../../utils/mailbox/outlook';
import { gmailThreadMailbox, outlookMailbox } from '../../fixtures/build/assembled-mailboxes';
import { buildGmailPage } from '../../fixtures/build/gmail-page';
import { GMAIL_REAL_EDITOR_HTML } from '../../fixtures/build/gmail-real-editor';
import { GMAIL_REAL_LIST_SUBJECT_HTML } from '../../fixtures/build/gmail-real-list-subject';
import { buildOutlookPage, type OutlookHost } from '../../fixtures/build/outlook-page';
import { readFixture, REAL_FIXTURES, realParts } from '../../fixtures/build/real-fragments';
import { splitMessageText } from '../../fixtures/build/thread-data';
import { ASSEMBLED_FIXTURES, assembledPages } from '../../fixtures/build/write-fixtures';
import { layoutCatalog, localisedRealCatalog } from '../../fixtures/build/layout-catalog';
import { loadHtml, type LoadedPage } from './load-page';

const opened: LoadedPage[] = [];
afterAll(async () => {
  for (const page of opened) await page.close();
});
function load(markup: string, url: string): Document {
  const page = loadHtml(markup, url);
  opened.push(page);
  return page.document;
}

describe('real fixtures', () => {
  it('are byte-exact copies of the shared real markup, each starting with its source comment', () => {
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(sha(readFixture(REAL_FIXTURES.gmailComposeDialog))).toBe('c3f81c281b13fb8aea3ea73a0682d173f4ee70b3c0fd0f3db85ef6168ea240e4');
    expect(sha(readFixture(REAL_FIXTURES.gmailMessageView))).toBe('8127e438ec7366a52dca1eee1ba0107ded323c1638753c1c51fe84af41db2023');
    expect(sha(readFixture(REAL_FIXTURES.outlookAttachment))).toBe('4ff845ea139f07a518090cb434f6d5dbe55e910759396b3da54e6caf00ec9e02');
    expect(sha(readFixture(REAL_FIXTURES.outlookReadingPane))).toBe('23509ebdfe08e4bfe08dee20fbf240b757b534a7f2334a67858c74f1f0947281');
    for (const path of Object.values(REAL_FIXTURES)) expect(readFixture(path)).toMatch(/^<!--\s+source repo: .+\n\s+commit: [0-9a-f]{40}\n\s+path: .+\n\s+licence: /);
  });
});

describe('assembled fixtures', () => {
  it('on disk are what the builders make now (regenerate with npx tsx tests/fixtures/build/write-fixtures.ts)', () => {
    const pages = assembledPages();
    const generated = [...Object.values(ASSEMBLED_FIXTURES), ...localisedRealCatalog().map((e) => e.path), ...layoutCatalog().map((e) => e.path)];
    expect(Object.keys(pages).sort()).toEqual(generated.sort());
    for (const [path, text] of Object.entries(pages)) expect(readFixture(path), path).toBe(text);
  });

  it('hold the real fragments exactly', () => {
    const parts = realParts();
    const compose = readFixture(REAL_FIXTURES.gmailComposeDialog);
    expect(compose).toContain(GMAIL_REAL_EDITOR_HTML);
    const gmailThread = readFixture(ASSEMBLED_FIXTURES.gmailThread);
    expect(gmailThread).toContain(parts.gmailMessage);
    expect(gmailThread).toContain(GMAIL_REAL_EDITOR_HTML);
    const outlookThread = readFixture(ASSEMBLED_FIXTURES.outlookThread);
    const pane = readFixture(REAL_FIXTURES.outlookReadingPane);
    for (const part of [parts.outlookRibbon, parts.outlookMessage, parts.outlookRow]) {
      expect(pane).toContain(part);
      expect(outlookThread).toContain(part);
    }
    expect(parts.outlookMessage).toContain('id="UniqueMessageBody_2"');
    expect(parts.outlookRow).toContain('data-convid=');
    expect(parts.outlookRibbon).toContain('Neue E-Mail');
    expect(readFixture('gmail/layouts/list-real-2022-subject.en.html')).toContain(GMAIL_REAL_LIST_SUBJECT_HTML);
  });
});

describe('localised copies of real captures', () => {
  it('differ from the capture only in interface words and printed dates, and say so at the top', () => {
    for (const entry of localisedRealCatalog()) {
      expect(entry.html.startsWith(`<!-- Localised copy (${entry.lang}) of the real capture below`), entry.path).toBe(true);
      const real = readFixture(entry.path.startsWith('gmail/') ? REAL_FIXTURES.gmailMessageView : REAL_FIXTURES.outlookReadingPane);
      const tags = (markup: string) => (markup.replace(/<!--[\s\S]*?-->/g, '').match(/<[a-z][a-z0-9]*|class="[^"]*"|id="[^"]*"|role="[^"]*"/g) ?? []).join(' ');
      // Same elements, classes, ids and roles in the same order: only texts and labels changed.
      expect(tags(entry.html), entry.path).toBe(tags(real));
    }
  });
});

describe('buildGmailPage / buildOutlookPage', () => {
  const hostile = {
    id: '18c0ffee00000001',
    subject: 'Refund <script>alert(1)</script> & "quotes"',
    messages: [
      { id: '18c0ffee00000001', from: { name: 'Eve <x>', email: 'eve@example.com' }, sentAt: '2025-03-01T10:00:00.000Z', text: 'Hi <b>there</b> & bye' },
    ],
  };

  it('escape every text: subjects, names and bodies stay text', () => {
    const gdoc = load(buildGmailPage({ account: { name: 'Agent', email: 'agent@example.com' }, threads: [hostile], openThreadId: hostile.id }), 'https://mail.google.com/mail/u/0/#inbox');
    expect(gdoc.querySelector('script, div[role="main"] b')).toBeNull();
    const thread = gmail.readThread(gdoc, { timeZone: 'UTC' })!;
    expect(thread.subject).toBe('Refund <script>alert(1)</script> & "quotes"');
    expect(thread.messages[0]!.from.name).toBe('Eve <x>');
    expect(thread.messages[0]!.text).toBe('Hi <b>there</b> & bye');
    expect(thread.messages[0]!.sentAt).toBe('2025-03-01T10:00:00.000Z');

    const odoc = load(buildOutlookPage({ host: 'outlook.office.com', account: { name: 'Agent', email: 'agent@example.com' }, threads: [hostile], openThreadId: hostile.id, timeZone: 'UTC' }), 'https://outlook.office.com/mail/');
    expect(odoc.querySelector('script, [role="main"] b')).toBeNull();
    const othread = outlook.readThread(odoc, { timeZone: 'UTC' })!;
    expect(othread.subject).toBe(hostile.subject);
    expect(othread.messages[0]).toMatchObject({ from: { name: 'Eve <x>', email: 'eve@example.com' }, text: 'Hi <b>there</b> & bye', sentAt: '2025-03-01T10:00:00.000Z', direction: 'inbound' });
  });

  it('look like the hosts: their structural elements, a style block, no external resources', () => {
    const g = buildGmailPage(gmailThreadMailbox());
    const o = buildOutlookPage(outlookMailbox());
    for (const page of [g, o]) {
      expect(page).toMatch(/<style>[^<]+<\/style>/);
      expect(page).not.toMatch(/<link|<script|src="(https?:)?\/\/|url\(/);
    }
    const gdoc = load(g, 'https://mail.google.com/mail/u/0/#inbox');
    expect(gdoc.querySelector('div[role="main"] h2.hP[data-legacy-thread-id]')).not.toBeNull();
    expect(gdoc.querySelector('header[role="banner"] a[href^="https://accounts.google.com/SignOutOptions"]')).not.toBeNull();
    const odoc = load(o, 'https://outlook.office.com/mail/');
    expect(odoc.querySelector('#MailList [data-convid][role="option"]')).not.toBeNull();
    expect(odoc.querySelector('[data-app-section="MailReadCompose"] #ConversationReadingPaneContainer [data-app-section="ConversationContainer"]')).not.toBeNull();
  });

  it.each(['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'] as OutlookHost[])('builds for %s', (host) => {
    const doc = load(buildOutlookPage({ ...outlookMailbox(), host }), `https://${host}/mail/`);
    expect(doc.getElementById('appRoot')!.getAttribute('data-host')).toBe(host);
    expect(outlook.readThread(doc, { timeZone: 'Europe/Berlin' })!.messages).toHaveLength(3);
  });

  it('opens no thread and no editor unless asked', () => {
    const doc = load(buildGmailPage({ ...gmailThreadMailbox(), replyOpen: false }), 'https://mail.google.com/mail/u/0/#inbox');
    expect(gmail.findReplyEditor(doc)).toBeNull();
    expect(doc.querySelector('span.ams.bkH[role="link"]')).not.toBeNull();
  });
});

describe('splitMessageText', () => {
  it('splits body, signature, attribution and quoted history', () => {
    expect(splitMessageText({ text: 'Hi,\nthanks.\n-- \nAnna\nShop\n\nOn Mon, Bob wrote:\n> old\n>\n> older' })).toEqual({
      newest: 'Hi,\nthanks.\n-- \nAnna\nShop',
      body: 'Hi,\nthanks.',
      signature: 'Anna\nShop',
      attribution: 'On Mon, Bob wrote:',
      quoted: 'old\n\nolder',
    });
    expect(splitMessageText({ text: 'Plain', quoted: 'Earlier mail' })).toEqual({ newest: 'Plain', body: 'Plain', quoted: 'Earlier mail' });
  });
});
