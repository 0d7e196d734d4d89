// @vitest-environment happy-dom
import { afterAll, describe, expect, it } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
import * as outlook from '../../../utils/mailbox/outlook';
import { OUTLOOK_REAL_CONVERSATION_ID } from '../../fixtures/build/assembled-mailboxes';
import { ASSEMBLED_FIXTURES } from '../../fixtures/build/write-fixtures';
import { loadFixture, type LoadedPage } from './load-page';

const opened: LoadedPage[] = [];
afterAll(async () => {
  for (const page of opened) await page.close();
});
function open(path: string, url: string): Document {
  const page = loadFixture(path, url);
  opened.push(page);
  return page.document;
}

describe('what the content script needs beyond reading', () => {
  it('Gmail: watch root, thread URLs, list chip anchors, editor tail', () => {
    const list = open(ASSEMBLED_FIXTURES.gmailList, 'https://mail.google.com/mail/u/0/#inbox');
    expect(gmail.gmailAdapter.watchRoot(list)?.getAttribute('role')).toBe('main');
    const anchor = gmail.gmailAdapter.listRowAnchor(list, '198d2c1b9e0a7f44')!;
    expect(anchor.closest('tr.zA')).not.toBeNull();
    expect(anchor.textContent).toBe('Certificate of internship not received');
    expect(gmail.gmailAdapter.listRowAnchor(list, 'ffffffffffffffff')).toBeNull();
    expect(gmail.threadUrl('198d2c1b9e0a7f44', 'https://mail.google.com/mail/u/1/#inbox')).toBe('https://mail.google.com/mail/u/1/#inbox/198d2c1b9e0a7f44');
    // A delegated mailbox keeps its address.
    expect(gmail.threadUrl('198d2c1b9e0a7f44', 'https://mail.google.com/mail/b/ALGkd0x4Qz1/u/0/#inbox')).toBe('https://mail.google.com/mail/b/ALGkd0x4Qz1/u/0/#inbox/198d2c1b9e0a7f44');
    expect(gmail.threadUrl('198d2c1b9e0a7f44', 'https://mail.google.com/mail/u/0/#label/Customers/FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw')).toBe(
      'https://mail.google.com/mail/u/0/#label/Customers/198d2c1b9e0a7f44',
    );
    expect(gmail.threadUrl('198d2c1b9e0a7f44', 'https://mail.google.com/mail/u/0/#settings/general')).toBe('https://mail.google.com/mail/u/0/#inbox/198d2c1b9e0a7f44');
    expect(gmail.threadIdFromUrl(gmail.threadUrl('198d2c1b9e0a7f44', 'https://mail.google.com/mail/u/0/#search/refund'))).toBe('198d2c1b9e0a7f44');
    expect(gmail.gmailAdapter.editorTail).toBe(gmail.gmailSelectors.editorTail);
  });

  it('Outlook: watch root holds both list and pane; thread URLs keep the folder; chips go on the row', () => {
    const doc = open(ASSEMBLED_FIXTURES.outlookThread, 'https://outlook.office.com/mail/inbox');
    const root = outlook.outlookAdapter.watchRoot(doc)!;
    expect(root.querySelector('#MailList')).not.toBeNull();
    expect(root.querySelector('#ConversationReadingPaneContainer')).not.toBeNull();
    expect(root).not.toBe(doc.body);
    expect(outlook.outlookAdapter.listRowAnchor(doc, OUTLOOK_REAL_CONVERSATION_ID)?.id).toBe('test-conversation-item');
    const id = 'AAQkADAw/ATMw+MAIt=';
    expect(outlook.threadUrl(id, 'https://outlook.office.com/mail/inbox')).toBe(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(id)}`);
    expect(outlook.threadUrl(id, 'https://outlook.live.com/mail/0/inbox/id/OLD?x=1')).toBe(`https://outlook.live.com/mail/0/inbox/id/${encodeURIComponent(id)}`);
    expect(outlook.threadUrl(id, 'https://outlook.cloud.microsoft/mail/')).toBe(`https://outlook.cloud.microsoft/mail/id/${encodeURIComponent(id)}`);
    expect(outlook.threadIdFromUrl(outlook.threadUrl(id, 'https://outlook.office365.com/mail/inbox'))).toBe(id);
  });
});
