// @vitest-environment happy-dom
/**
 * The layout report holds the structure around the mail and nothing from the mail: a page full of
 * distinctive words, addresses and ids (in texts, attribute values, ids, the URL, message bodies
 * with their own classes) yields a report with none of them; and so does every fixture.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
import * as outlook from '../../../utils/mailbox/outlook';
import { urlShape } from '../../../utils/mailbox/layout-report';
import { buildGmailPage } from '../../fixtures/build/gmail-page';
import { buildOutlookPage } from '../../fixtures/build/outlook-page';
import { layoutCatalog, localisedRealCatalog } from '../../fixtures/build/layout-catalog';
import type { FixtureThread } from '../../fixtures/build/thread-data';
import { loadFixture, loadHtml, type LoadedPage } from './load-page';

const opened: LoadedPage[] = [];
afterAll(async () => {
  for (const page of opened) await page.close();
});

/** Words that appear nowhere in Caseline's code or the hosts' markup. */
const SECRETS = ['Quokkafen', 'Brimvalee', 'Tzorlanda', 'Vexmurrow', 'Plinthaxe', 'Orvenquist', 'Sabrulet', 'Kestrivane', 'Dunmorrow', 'Ylvarisk'];
const ADDRESSES = ['quokkafen.brimvalee@example.org', 'tzorlanda@vexmurrow.example', 'agent.ylvarisk@example.net'];
const IDS = ['18f3a9c07d2e4b61', '18f3a9c07d2e4b62', 'AAQkSECRETconversationIDQuokka0001'];

function secretThread(): FixtureThread {
  return {
    id: IDS[0]!,
    subject: `${SECRETS[0]} refund ${SECRETS[1]}`,
    unread: true,
    messages: [
      {
        id: IDS[0]!,
        from: { name: `${SECRETS[2]} ${SECRETS[3]}`, email: ADDRESSES[0]! },
        sentAt: '2025-08-20T07:49:00.000Z',
        text: `Hello,\n${SECRETS[4]} order ${IDS[2]} never came.\n\nOn Mon ${SECRETS[5]} wrote:\n> ${SECRETS[6]}`,
      },
      {
        id: IDS[1]!,
        from: { name: SECRETS[7]!, email: ADDRESSES[2]! },
        sentAt: '2025-08-21T07:49:00.000Z',
        text: `Dear ${SECRETS[2]},\n${SECRETS[8]} is on its way.`,
        html: `<div class="a3s ${SECRETS[9]}class"><p id="${SECRETS[9]}-para" data-ref="${IDS[2]}" title="${SECRETS[9]}">${SECRETS[8]} <a href="https://${SECRETS[9]}.example/track?id=${IDS[2]}">track</a> <img alt="${SECRETS[9]}" src="https://${SECRETS[9]}.example/p.png"></p></div>`,
      },
    ],
  };
}

function check(report: string, extra: string[] = []): void {
  for (const secret of [...SECRETS, ...ADDRESSES, ...IDS, ...extra]) expect(report.toLowerCase(), secret).not.toContain(secret.toLowerCase());
  expect(report).not.toMatch(/@/);
  expect(report).not.toMatch(/\d{6,}/);
}

describe('layout report', () => {
  it('holds no text, address or id of a Gmail page full of them', () => {
    const thread = secretThread();
    const page = buildGmailPage({ account: { name: SECRETS[7]!, email: ADDRESSES[2]! }, threads: [thread], openThreadId: thread.id, replyOpen: true, timeZone: 'UTC', lang: 'es' })
      // More places a page keeps values: ids, data attributes, labels, form values, a label in the URL.
      .replace('<div class="nH if">', `<div class="nH if" id="${SECRETS[1]}-view" data-view="${SECRETS[1]}" aria-label="${SECRETS[3]}" title="${ADDRESSES[1]}"><input value="${SECRETS[4]}" placeholder="${SECRETS[5]}">`);
    const url = `https://mail.google.com/mail/u/3/#label/${SECRETS[0]}%2F${SECRETS[6]}/${IDS[0]}`;
    const loaded = loadHtml(page, url);
    opened.push(loaded);
    const report = gmail.layoutReport(loaded.document, { url, browser: 'Mozilla/5.0 Test' });
    check(report);
    expect(report).toContain('Host: gmail');
    expect(report).toContain('Address shape: https://mail.google.com/mail/u/N/#label/…/…');
    expect(report).toMatch(/threadId\s+heading-ids/);
    expect(report).toMatch(/h2 \[id\] \[data-legacy-thread-id data-thread-perm-id tabindex\] \.hP/);
    expect(report).toMatch(/div \[role=listitem\] \[aria-expanded tabindex\] \.kv/);
    expect(report).toMatch(/div {2}\{content: \d+ elements\}/);
    expect(report).toContain('Interface language: es');
  });

  it('holds no text, address or id of an Outlook page full of them', () => {
    const thread = { ...secretThread(), id: IDS[2]!, messages: secretThread().messages.map((m) => ({ ...m, html: undefined })) };
    const page = buildOutlookPage({ host: 'outlook.office.com', account: { name: SECRETS[7]!, email: ADDRESSES[2]! }, threads: [thread], openThreadId: thread.id, replyOpen: true, lang: 'ja' }).replace(
      'id="UniqueMessageBody_1"',
      `id="UniqueMessageBody_1" data-conversation="${IDS[2]}"`,
    );
    const url = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(IDS[2]!)}`;
    const loaded = loadHtml(page, url);
    opened.push(loaded);
    const report = outlook.layoutReport(loaded.document, { url });
    check(report);
    expect(report).toContain('Address shape: https://outlook.office.com/mail/inbox/id/…');
    expect(report).toMatch(/div \[role=document\] {2}\{content: \d+ elements\}/);
    expect(report).toMatch(/\[role=option\] \[[a-z -]*data-convid/);
  });

  it.each([...localisedRealCatalog(), ...layoutCatalog()].map(({ html: _html, ...e }) => e))('has nothing of $path in it', (entry) => {
    const loaded = loadFixture(entry.path, entry.url);
    opened.push(loaded);
    const report = (entry.host === 'gmail' ? gmail : outlook).layoutReport(loaded.document, { url: entry.url });
    const page: string[] = [];
    if (entry.thread) {
      page.push(entry.thread.threadId);
      if (entry.thread.subject) page.push(entry.thread.subject);
      for (const m of entry.thread.messages) page.push(...[m.name, m.email, m.textStart.slice(0, 20)].filter((x): x is string => !!x && x.length > 3));
    }
    for (const row of entry.rows ?? []) page.push(...[row.subject, row.name, row.email, row.threadId].filter((x): x is string => !!x && x.length > 3));
    check(report, page);
  });

  it('keeps only the fixed words of an address', () => {
    expect(urlShape('https://mail.google.com/mail/b/ALGkd0x4/u/0/#search/refund+Quokkafen/FMfcgz')).toBe('https://mail.google.com/mail/b/…/u/N/#search/…/…');
    expect(urlShape('https://outlook.live.com/mail/0/deeplink/read/AAQk%3D?ItemID=AAQk&exvsurl=1')).toBe('https://outlook.live.com/mail/N/deeplink/read/… ?ItemID&exvsurl');
    expect(urlShape('not a url')).toBe('unknown');
  });
});
