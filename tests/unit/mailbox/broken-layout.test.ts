// @vitest-environment happy-dom
import { afterAll, describe, expect, it } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
import * as outlook from '../../../utils/mailbox/outlook';
import { GMAIL_REAL_THREAD_ID, OUTLOOK_REAL_CONVERSATION_ID } from '../../fixtures/build/assembled-mailboxes';
import { loadFixture, type LoadedPage } from './load-page';

/** The host renamed things: the page still shows a thread, the adapter must say it cannot read it. */
const opened: LoadedPage[] = [];
afterAll(async () => {
  for (const page of opened) await page.close();
});

function renameClass(doc: Document, from: string, to: string): void {
  for (const el of Array.from(doc.getElementsByClassName(from))) {
    el.classList.remove(from);
    el.classList.add(to);
  }
}

function renameAttribute(doc: Document, from: string, to: string): void {
  for (const el of Array.from(doc.querySelectorAll(`[${from}]`))) {
    el.setAttribute(to, el.getAttribute(from)!);
    el.removeAttribute(from);
  }
}

describe('Gmail with its selectors broken on purpose', () => {
  const url = `https://mail.google.com/mail/u/0/#inbox/${GMAIL_REAL_THREAD_ID}`;

  it('reports the renamed subject, sender and time classes by name', () => {
    const page = loadFixture('gmail/assembled-thread.html', url);
    opened.push(page);
    renameClass(page.document, 'hP', 'hP2');
    renameClass(page.document, 'gD', 'gD2');
    renameClass(page.document, 'g3', 'g4');
    expect(gmail.isThreadView(page.document, url)).toBe(true);
    const health = gmail.health(page.document);
    expect(health.ok).toBe(false);
    expect(health.missing).toEqual(['subject', 'sender', 'time']);
    expect(health.counts).toMatchObject({ subject: 0, sender: 0, time: 0, message: 3, body: 2 });
  });

  it('reports missing thread ids and message ids; reads no thread without a URL fallback', () => {
    const page = loadFixture('gmail/assembled-thread.html', url);
    opened.push(page);
    renameAttribute(page.document, 'data-legacy-thread-id', 'data-legacy-thread-key');
    renameAttribute(page.document, 'data-thread-perm-id', 'data-thread-perm-key');
    renameAttribute(page.document, 'data-message-id', 'data-message-key');
    const health = gmail.health(page.document);
    expect(health.missing).toEqual(['threadId']);
    expect(health.counts.messageBlock).toBe(3);
    expect(gmail.readThread(page.document)).toBeNull();
    // With the URL the thread still reads, from the expanded messages' blocks.
    const thread = gmail.readThread(page.document, { url, timeZone: 'Asia/Kolkata' })!;
    expect(thread.threadId).toBe(GMAIL_REAL_THREAD_ID);
    expect(thread.messages.map((m) => [m.from.email, m.collapsed, m.id])).toEqual([
      ['vinod.jptnp@gmail.com', false, undefined],
      ['placement.helpdesk@example.org', true, undefined],
      ['riya.sharma@example.net', false, undefined],
    ]);
  });

  it('falls back to the permanent id when the legacy id reads "undefined"', () => {
    const page = loadFixture('gmail/assembled-thread.html', url);
    opened.push(page);
    page.document.querySelector('h2.hP')!.setAttribute('data-legacy-thread-id', 'undefined');
    expect(gmail.readThread(page.document)!.threadId).toBe(GMAIL_REAL_THREAD_ID);
  });

  it('reads an empty list when the row class changes', () => {
    const page = loadFixture('gmail/assembled-list.html', 'https://mail.google.com/mail/u/0/#inbox');
    opened.push(page);
    renameClass(page.document, 'zA', 'zA2');
    expect(gmail.readThreadList(page.document)).toEqual([]);
  });
});

describe('Outlook with its selectors broken on purpose', () => {
  const url = `https://outlook.office.com/mail/inbox/id/${OUTLOOK_REAL_CONVERSATION_ID}`;

  it('reports renamed body ids, time test ids and heading roles by name', () => {
    const page = loadFixture('outlook/assembled-thread.html', url);
    opened.push(page);
    for (const body of Array.from(page.document.querySelectorAll('[id^="UniqueMessageBody"]'))) body.id = body.id.replace('UniqueMessageBody', 'MessageBodyV2');
    renameAttribute(page.document, 'data-testid', 'data-test-id');
    for (const heading of Array.from(page.document.querySelectorAll('[role="heading"]'))) heading.setAttribute('role', 'presentation');
    expect(outlook.isThreadView(page.document, url)).toBe(true);
    const health = outlook.health(page.document);
    expect(health.ok).toBe(false);
    expect(health.missing).toEqual(['body', 'subject', 'time']);
    expect(health.counts).toMatchObject({ body: 0, subject: 0, time: 0, readingPane: 3 });
  });

  it('reports a missing reading pane', () => {
    const page = loadFixture('outlook/assembled-thread.html', url);
    opened.push(page);
    renameAttribute(page.document, 'data-app-section', 'data-section');
    page.document.getElementById('ConversationReadingPaneContainer')!.id = 'ReadingPaneV2';
    expect(outlook.health(page.document).missing).toEqual(['readingPane']);
    expect(outlook.readThread(page.document, { url })).toBeNull();
  });
});
