// @vitest-environment happy-dom
import { afterAll, describe, expect, it } from 'vitest';
import * as outlook from '../../../utils/mailbox/outlook';
import { OUTLOOK_REAL_CONVERSATION_ID, OUTLOOK_TIME_ZONE } from '../../fixtures/build/assembled-mailboxes';
import { loadFixture, OUTLOOK_INBOX_URL, type LoadedPage } from './load-page';

const opened: LoadedPage[] = [];
afterAll(async () => {
  for (const page of opened) await page.close();
});
function open(relative: string, url = OUTLOOK_INBOX_URL): LoadedPage {
  const page = loadFixture(relative, url);
  opened.push(page);
  return page;
}

const options = { timeZone: OUTLOOK_TIME_ZONE };
const REAL_ROW = { threadId: OUTLOOK_REAL_CONVERSATION_ID, subject: 'Test conversation preview', from: {}, dateText: '', unread: false };

describe('Outlook adapter on the real reading pane with actions (German UI)', () => {
  const page = open('outlook/2025-reading-pane-with-actions.html');

  it('reads the conversation id of the selected list entry and the one message', () => {
    expect(outlook.readThread(page.document, options)).toEqual({
      host: 'outlook',
      threadId: OUTLOOK_REAL_CONVERSATION_ID,
      subject: '',
      messages: [{ from: { email: 'sender@example.com' }, direction: 'unknown', text: 'This is a regular message body.', collapsed: false }],
    });
  });

  it('health names the facts this fragment lacks (subject heading, time); the conversation itself reads', () => {
    const health = outlook.health(page.document);
    expect(health).toMatchObject({ ok: true, missing: ['subject', 'time'] });
    expect(health.counts).toMatchObject({ readingPane: 1, body: 1, sender: 1, recipients: 1, replyIcon: 1, selectedConversation: 1, editor: 0 });
    expect(health.facts).toMatchObject({ body: { answeredBy: ['unique-body-id'] }, threadId: { answeredBy: ['selected-row-convid'] }, sender: { answeredBy: ['address-label'] } });
  });

  it('reads the list entry', () => {
    expect(outlook.readThreadList(page.document, options)).toEqual([REAL_ROW]);
  });

  it('opens the reply with the real Reply button, found by its icon', () => {
    const reply = page.document.querySelector('button[aria-label="Antworten"]')!;
    let clicks = 0;
    reply.addEventListener('click', () => (clicks += 1));
    expect(outlook.findReplyEditor(page.document)).toBeNull();
    expect(outlook.openReplyEditor(page.document)).toBeNull();
    expect(clicks).toBe(1);
  });
});

describe('Outlook adapter on the real message with attachment', () => {
  const page = open('outlook/2025-message-with-attachment.html');

  it('reads the message body; the fragment has no sender or time', () => {
    expect(outlook.readThread(page.document, options)).toEqual({
      host: 'outlook',
      threadId: OUTLOOK_REAL_CONVERSATION_ID,
      subject: '',
      messages: [{ from: {}, direction: 'unknown', text: 'See attached file.', collapsed: false }],
    });
    expect(outlook.health(page.document).missing).toEqual(['sender', 'subject', 'time']);
    expect(outlook.health(page.document).ok).toBe(true);
    expect(outlook.readThreadList(page.document, options)).toEqual([REAL_ROW]);
  });
});

const THREAD = {
  host: 'outlook',
  threadId: OUTLOOK_REAL_CONVERSATION_ID,
  subject: 'Rechnung 2025-0815 doppelt abgebucht',
  account: 'kundenservice@example.de',
};
const FIRST = {
  from: { name: 'Jonas Weber', email: 'sender@example.com' },
  sentAt: '2025-08-18T07:12:00.000Z',
  direction: 'inbound',
  collapsed: true,
  text: 'Guten Tag, die Rechnung 2025-0815 wurde zweimal von meinem Konto abgebucht. Bitte erstatten Sie den doppelten Betrag. Mi',
};
const SECOND = {
  from: { name: 'Kundenservice Beispiel GmbH', email: 'kundenservice@example.de' },
  sentAt: '2025-08-18T09:40:00.000Z',
  direction: 'outbound',
  collapsed: false,
  text: 'Hallo Herr Weber,\n\nvielen Dank für Ihre Nachricht. Wir prüfen die Buchung und melden uns innerhalb von zwei Werktagen.\n\nFreundliche Grüße\nIhr Kundenservice',
};

describe('Outlook adapter on the assembled conversation (German, real ribbon, list entry and message)', () => {
  const page = open('outlook/assembled-thread.html', `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(OUTLOOK_REAL_CONVERSATION_ID)}`);

  it('reads subject, account and three messages: collapsed inbound, outbound with the quote dropped, the real inbound one', () => {
    expect(outlook.readThread(page.document, options)).toEqual({
      ...THREAD,
      messages: [FIRST, SECOND, { from: { email: 'sender@example.com' }, direction: 'inbound', collapsed: false, text: 'This is a regular message body.' }],
    });
  });

  it('is healthy and a thread view', () => {
    const health = outlook.health(page.document);
    // The real message (the third) shows no time: that fact is named, the conversation still reads.
    expect(health).toMatchObject({ ok: true, missing: ['time'] });
    expect(health.facts.time).toMatchObject({ answeredBy: ['time-testid'], found: 2, missing: 1 });
    expect(health.counts).toMatchObject({ body: 2, subject: 1, time: 2, message: 2, editor: 1, listRow: 4, account: 2 });
    expect(outlook.isThreadView(page.document, page.url)).toBe(true);
    expect(outlook.isThreadView(page.document, OUTLOOK_INBOX_URL)).toBe(true);
  });

  it('finds the reply editor in the reading pane', () => {
    const editor = outlook.findReplyEditor(page.document)!;
    expect(editor.getAttribute('role')).toBe('textbox');
    expect(editor.closest('#ConversationReadingPaneContainer')).not.toBeNull();
    expect(outlook.openReplyEditor(page.document)).toBe(editor);
  });

  it('reads the list: built rows by title content, the real entry as it is', () => {
    expect(outlook.readThreadList(page.document, options)).toEqual([
      {
        threadId: 'AQQkADAwATMwMAItYjBiZi03YmY3LTAwAi0wMAoAEABBb2CzK1x0Rp9e7Wn1dQk2',
        subject: 'Lieferung beschädigt angekommen',
        snippet: 'Hallo, das Paket kam heute mit einer gebrochenen Glasplatte an. Fotos habe ich gemacht. Wie geht es weiter? Lea Hoffmann',
        from: { name: 'Lea Hoffmann', email: 'lea.hoffmann@example.com' },
        dateText: '12:05',
        sentAt: '2025-08-19T10:05:00.000Z',
        unread: true,
      },
      REAL_ROW,
      {
        threadId: 'AQQkADAwATMwMAItYjBiZi03YmY3LTAwAi0wMAoAEABCc3DaL2y1Sq0f8Xo2eRl3',
        subject: 'Frage zu den Öffnungszeiten',
        snippet: 'Hallo, hat Ihre Filiale am Samstag geöffnet? Danke Tom',
        from: { name: 'Tom Schulz', email: 'tom.schulz@example.com' },
        dateText: 'Mo 18.08.',
        sentAt: '2025-08-18T14:30:00.000Z',
        unread: false,
      },
      {
        threadId: 'AQQkADAwATMwMAItYjBiZi03YmY3LTAwAi0wMAoAEABDd4EbM3z2Tr1g9Yp3fSm4',
        subject: 'Passwort lässt sich nicht zurücksetzen',
        snippet: 'Guten Morgen, der Link zum Zurücksetzen meines Passworts ist jedes Mal abgelaufen. Können Sie helfen? Sara Klein',
        from: { name: 'Sara Klein', email: 'sara.klein@example.com' },
        dateText: '10:45',
        sentAt: '2025-08-19T08:45:00.000Z',
        unread: true,
      },
    ]);
  });
});

describe('Outlook adapter on the same mailbox in English (outlook.live.com): nothing depends on the language', () => {
  const page = open('outlook/assembled-thread-en.html', 'https://outlook.live.com/mail/0/inbox');

  it('reads the same conversation', () => {
    const thread = outlook.readThread(page.document, options)!;
    expect(thread).toMatchObject(THREAD);
    expect(thread.messages).toEqual([
      FIRST,
      SECOND,
      {
        from: { name: 'Jonas Weber', email: 'sender@example.com' },
        sentAt: '2025-08-19T08:00:00.000Z',
        direction: 'inbound',
        collapsed: false,
        text: 'Sehr geehrte Damen und Herren,\n\nich warte noch immer auf die Erstattung. Bitte geben Sie mir ein Datum.\n\nJonas Weber',
      },
    ]);
    expect(outlook.health(page.document).ok).toBe(true);
  });

  it('reads the rows with English dates', () => {
    const rows = outlook.readThreadList(page.document, options);
    expect(rows.map((r) => [r.subject, r.dateText, r.sentAt, r.unread])).toEqual([
      ['Lieferung beschädigt angekommen', '12:05 PM', '2025-08-19T10:05:00.000Z', true],
      ['Rechnung 2025-0815 doppelt abgebucht', '10:00 AM', '2025-08-19T08:00:00.000Z', false],
      ['Frage zu den Öffnungszeiten', 'Mon 8/18', '2025-08-18T14:30:00.000Z', false],
      ['Passwort lässt sich nicht zurücksetzen', '10:45 AM', '2025-08-19T08:45:00.000Z', true],
    ]);
  });
});

describe('Outlook adapter on the assembled list without an open conversation', () => {
  const page = open('outlook/assembled-list.html');

  it('reads no thread and is not a thread view; the list still reads', () => {
    expect(outlook.readThread(page.document, options)).toBeNull();
    expect(outlook.isThreadView(page.document, OUTLOOK_INBOX_URL)).toBe(false);
    expect(outlook.readThreadList(page.document, options)).toHaveLength(4);
    expect(outlook.readAccount(page.document)).toBe('kundenservice@example.de');
  });
});

describe('Outlook URLs on every host', () => {
  const id = 'AQQkADAwATMwMAItYjBiZi03YmY3LTAwAi0wMAoAEABjgKbAj7DwSKnW58xs6QY7';
  it.each([
    [`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(`${id}=`)}`, `${id}=`],
    [`https://outlook.office365.com/mail/id/${id}`, id],
    [`https://outlook.live.com/mail/0/inbox/id/${id}`, id],
    [`https://outlook.cloud.microsoft/mail/inbox/id/${id}?nlp=1`, id],
    [`https://outlook.office.com/mail/deeplink/read/${id}`, id],
    [`https://outlook.office.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`, id],
    ['https://outlook.office.com/mail/inbox', undefined],
    ['https://outlook.office.com/mail/', undefined],
  ])('%s', (url, expected) => {
    expect(outlook.threadIdFromUrl(url)).toBe(expected);
  });

  it('knows the four hosts', () => {
    expect(outlook.OUTLOOK_HOSTS).toEqual(['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft']);
    expect(outlook.isOutlookUrl('https://outlook.cloud.microsoft/mail/')).toBe(true);
    expect(outlook.isOutlookUrl('https://mail.google.com/mail/')).toBe(false);
  });

  it('falls back to the URL id when no list entry is selected', () => {
    const page = open('outlook/assembled-thread.html');
    page.document.querySelector('[data-convid][aria-selected="true"]')!.setAttribute('aria-selected', 'false');
    expect(outlook.readThread(page.document, options)).toBeNull();
    expect(outlook.readThread(page.document, { ...options, url: `https://outlook.office.com/mail/inbox/id/${id}` })!.threadId).toBe(id);
  });
});
