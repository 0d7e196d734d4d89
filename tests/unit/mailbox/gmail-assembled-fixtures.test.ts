// @vitest-environment happy-dom
import { afterAll, describe, expect, it } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
import { GMAIL_REAL_THREAD_ID, GMAIL_TIME_ZONE } from '../../fixtures/build/assembled-mailboxes';
import { GMAIL_INBOX_URL, loadFixture, type LoadedPage } from './load-page';

const opened: LoadedPage[] = [];
afterAll(async () => {
  for (const page of opened) await page.close();
});
function open(relative: string, url: string): LoadedPage {
  const page = loadFixture(relative, url);
  opened.push(page);
  return page;
}

const THREAD_URL = `${GMAIL_INBOX_URL}/${GMAIL_REAL_THREAD_ID}`;
const options = { timeZone: GMAIL_TIME_ZONE };

describe('Gmail adapter on the assembled thread (real message + real editor + built messages)', () => {
  const page = open('gmail/assembled-thread.html', THREAD_URL);
  const thread = gmail.readThread(page.document, options)!;

  it('reads the thread frame and the signed-in account', () => {
    expect(thread.host).toBe('gmail');
    expect(thread.threadId).toBe('198c6747aabb71a9');
    expect(thread.subject).toBe('OFSS offer: joining date and location');
    expect(thread.account).toBe('placement.helpdesk@example.org');
    expect(thread.messages).toHaveLength(3);
  });

  it('reads senders, ids, times, directions and collapsed state of every message', () => {
    expect(thread.messages.map((m) => ({ id: m.id, from: m.from, sentAt: m.sentAt, direction: m.direction, collapsed: m.collapsed }))).toEqual([
      { id: '198c6747aabb71a9', from: { name: 'Vinod Kumar', email: 'vinod.jptnp@gmail.com' }, sentAt: '2025-08-20T07:49:00.000Z', direction: 'inbound', collapsed: false },
      { id: '198cb2f0c41e03d2', from: { name: 'Placement Help Desk', email: 'placement.helpdesk@example.org' }, sentAt: '2025-08-21T04:30:00.000Z', direction: 'outbound', collapsed: true },
      { id: '198d10aa7f3b5e61', from: { name: 'Riya Sharma', email: 'riya.sharma@example.net' }, sentAt: '2025-08-22T09:05:00.000Z', direction: 'inbound', collapsed: false },
    ]);
  });

  it('reads the real message body exactly as the bare real fragment reads', () => {
    const bare = open('gmail/2025-message-view.html', THREAD_URL);
    expect(thread.messages[0]!.text).toBe(gmail.readThread(bare.document, { ...options, url: THREAD_URL })!.messages[0]!.text);
  });

  it('reads a collapsed message by its preview line', () => {
    expect(thread.messages[1]!.text).toBe(
      'Dear Riya, We have received your question about the joining location and will reply within two working days. Regards, Pl',
    );
  });

  it('reads the newest text of an expanded message: signature kept, quoted history dropped', () => {
    expect(thread.messages[2]!.text).toBe(
      'Hello,\n\nThank you. Could you please confirm whether the Pune location can be requested before the offer letter arrives? ' +
        'I also need the exact joining month for my visa appointment.\n--\nRiya Sharma\nB.Tech CSE, 2026',
    );
  });

  it('is healthy and a thread view', () => {
    const health = gmail.health(page.document);
    expect(health).toMatchObject({ ok: true, missing: [] });
    expect(health.counts).toMatchObject({ main: 1, subject: 1, headingWithId: 1, message: 3, messageItem: 3, sender: 3, time: 3, body: 2, account: 1, editor: 1, collapsed: 1 });
    expect(health.facts).toMatchObject({
      threadId: { answeredBy: ['heading-ids'], found: 1, missing: 0 },
      messages: { answeredBy: ['message-ids'] },
      sender: { answeredBy: ['email-attribute'], found: 3, missing: 0 },
      time: { answeredBy: ['titled-date'], found: 3 },
      text: { answeredBy: ['body-class', 'preview-class'], found: 3 },
    });
    expect(gmail.isThreadView(page.document, THREAD_URL)).toBe(true);
    // The heading alone makes it a thread view, whatever the URL says.
    expect(gmail.isThreadView(page.document, GMAIL_INBOX_URL)).toBe(true);
  });

  it('finds the open inline reply editor (the real compose editor element) inside the thread', () => {
    const editor = gmail.findReplyEditor(page.document)!;
    expect(editor.id).toBe(':8o');
    expect(editor.closest('div[role="main"]')).not.toBeNull();
    expect(gmail.openReplyEditor(page.document)).toBe(editor);
  });

  it('has no list rows while a thread is open', () => {
    expect(gmail.readThreadList(page.document)).toEqual([]);
  });
});

describe('Gmail adapter on the assembled conversation list', () => {
  const page = open('gmail/assembled-list.html', GMAIL_INBOX_URL);

  it('reads every row: id, subject, snippet, sender, date, unread', () => {
    expect(gmail.readThreadList(page.document, options)).toEqual([
      {
        threadId: '198c6747aabb71a9',
        subject: 'OFSS offer: joining date and location',
        snippet: 'Hello, Thank you. Could you please confirm whether the Pune location can be requested before the offer letter arrives? I also need the exact',
        from: { name: 'Vinod Kumar', email: 'vinod.jptnp@gmail.com' },
        dateText: '2:35 PM',
        sentAt: '2025-08-22T09:05:00.000Z',
        unread: false,
      },
      {
        threadId: '198d2c1b9e0a7f44',
        subject: 'Certificate of internship not received',
        snippet: 'Hello, My internship certificate was promised last month and has still not arrived. Please tell me when I can expect it. Arjun',
        from: { name: 'Arjun Mehta', email: 'arjun.mehta@example.com' },
        dateText: '5:10 PM',
        sentAt: '2025-08-22T11:40:00.000Z',
        unread: true,
      },
      {
        threadId: '198d31e57c2b9a10',
        subject: 'Wrong branch shown on my placement record',
        snippet: 'Dear team, The portal lists my branch as ECE although I am in IT. This blocks my application to two companies. Please correct it urgently. M',
        from: { name: 'Meera Iyer', email: 'meera.iyer@example.com' },
        dateText: '5:45 PM',
        sentAt: '2025-08-22T12:15:00.000Z',
        unread: true,
      },
      {
        threadId: '198c9a04d2e6b3c8',
        subject: 'Request for aptitude test schedule',
        snippet: 'Hi Kabir, The next aptitude test is on 28 August at 10:00 in the main hall. Regards, Placement Help Desk',
        from: { name: 'Kabir Singh', email: 'kabir.singh@example.com' },
        dateText: 'Aug 21',
        sentAt: '2025-08-21T05:10:00.000Z',
        unread: false,
      },
    ]);
  });

  it('reads no thread, is not a thread view, still knows the account', () => {
    expect(gmail.readThread(page.document, options)).toBeNull();
    expect(gmail.isThreadView(page.document, GMAIL_INBOX_URL)).toBe(false);
    expect(gmail.readAccount(page.document)).toBe('placement.helpdesk@example.org');
    expect(gmail.findReplyEditor(page.document)).toBeNull();
  });

  it('the view key changes between list and thread', () => {
    const thread = open('gmail/assembled-thread.html', THREAD_URL);
    expect(gmail.viewKey(page.document, GMAIL_INBOX_URL)).not.toBe(gmail.viewKey(thread.document, THREAD_URL));
  });
});

describe('Gmail URLs', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw', 'FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw'],
    ['https://mail.google.com/mail/u/1/#label/Customers%2FVIP/FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw', 'FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw'],
    ['https://mail.google.com/mail/u/0/#search/refund+order/FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw', 'FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw'],
    ['https://mail.google.com/mail/u/0/#inbox/198c6747aabb71a9', '198c6747aabb71a9'],
    ['https://mail.google.com/mail/b/ALGkd0x4Qz1/u/0/#inbox/FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw', 'FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw'],
    ['https://mail.google.com/mail/u/3/#inbox/198c6747aabb71a9', '198c6747aabb71a9'],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw?compose=new', 'FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw'],
    ['https://mail.google.com/mail/u/0/?ui=2&view=pt&th=198c6747aabb71a9', '198c6747aabb71a9'],
    ['https://mail.google.com/mail/u/0/#inbox', undefined],
    ['https://mail.google.com/mail/u/0/#search/refund', undefined],
    ['https://mail.google.com/mail/u/0/#settings/general', undefined],
    ['https://mail.google.com/mail/u/0/#inbox?compose=new', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, id) => {
    expect(gmail.threadIdFromUrl(url)).toBe(id);
  });

  it('turns the permanent id into the legacy id, and ignores "undefined"', () => {
    expect(gmail.legacyIdFromPermanentId('thread-f:1840959905192440233')).toBe('198c6747aabb71a9');
    expect(gmail.legacyIdFromPermanentId('#thread-f:1840959905192440233')).toBe('198c6747aabb71a9');
    expect(gmail.legacyIdFromPermanentId('undefined')).toBeUndefined();
  });
});
