// @vitest-environment happy-dom
import { afterAll, describe, expect, it } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
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

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw';

describe('Gmail adapter on the real 2025 message view (one expanded message, no thread frame)', () => {
  const page = open('gmail/2025-message-view.html', THREAD_URL);

  it('reads no thread without an id: the fragment has neither h2.hP nor data-legacy-thread-id', () => {
    expect(gmail.readThread(page.document, { timeZone: 'Asia/Kolkata' })).toBeNull();
  });

  it('reads the one message when the URL gives the thread token', () => {
    const thread = gmail.readThread(page.document, { timeZone: 'Asia/Kolkata', url: THREAD_URL });
    expect(thread).not.toBeNull();
    expect(thread!.host).toBe('gmail');
    expect(thread!.threadId).toBe('FMfcgzQbgRnJZGmWqkmhcVtLnPLVzvXw');
    expect(thread!.subject).toBe('');
    expect(thread!.account).toBeUndefined();
    expect(thread!.messages).toHaveLength(1);
    const [message] = thread!.messages;
    expect(message!.from).toEqual({ name: 'Vinod Kumar', email: 'vinod.jptnp@gmail.com' });
    // title="20 Aug 2025, 13:19", printed in the viewer's zone (India here).
    expect(message!.sentAt).toBe('2025-08-20T07:49:00.000Z');
    expect(message!.direction).toBe('unknown');
    expect(message!.collapsed).toBe(false);
    expect(message!.id).toBeUndefined();
  });

  it('reads the same time as another instant when the viewer is elsewhere', () => {
    const thread = gmail.readThread(page.document, { timeZone: 'Europe/Berlin', url: THREAD_URL });
    expect(thread!.messages[0]!.sentAt).toBe('2025-08-20T11:19:00.000Z');
  });

  it('reads the body as lines of text, without markup', () => {
    const text = gmail.readThread(page.document, { timeZone: 'Asia/Kolkata', url: THREAD_URL })!.messages[0]!.text;
    expect(text.startsWith('Congratulations!!!\nFollowing students have been offered by Oracle Financial Services Software (OFSS).\nList of students:')).toBe(true);
    expect(text).toContain('\nRole: Associate Consultant\n');
    expect(text).toContain('\nSalary Package: INR 9,82,054/- Per Annum\n');
    expect(text).toContain('\nThanks & Regards\nVinod Kumar\nSr. Officer - T & P\nJIIT, Noida\n');
    expect(text.endsWith('For more options, visit https://groups.google.com/d/optout.')).toBe(true);
    expect(text).not.toMatch(/<|&nbsp;|&amp;/);
    expect(text).not.toMatch(/ {2}|\n{3}/);
  });

  it('health names what is missing: the thread id without the URL, the subject with it', () => {
    const health = gmail.health(page.document);
    expect(health).toMatchObject({ ok: false, missing: ['threadId'] });
    expect(health.counts).toMatchObject({ sender: 1, time: 1, body: 1, message: 0, messageBlock: 1, replyButton: 1, editor: 0 });
    expect(health.facts.messages!.answeredBy).toEqual(['message-blocks']);
    const withUrl = gmail.health(page.document, { url: THREAD_URL });
    expect(withUrl).toMatchObject({ ok: true, missing: ['subject'] });
    expect(withUrl.facts.threadId!.answeredBy).toEqual(['page-url']);
  });

  it('finds no editor and no list rows', () => {
    expect(gmail.findReplyEditor(page.document)).toBeNull();
    expect(gmail.readThreadList(page.document)).toEqual([]);
  });

  it('opening the reply clicks the real Reply button (found by its visual element id, not its label)', () => {
    const button = page.document.querySelector('[aria-label="Reply"]')!;
    let clicks = 0;
    button.addEventListener('click', () => (clicks += 1));
    expect(gmail.openReplyEditor(page.document)).toBeNull();
    expect(clicks).toBe(1);
  });
});

describe('Gmail adapter on the real 2020 compose dialog', () => {
  const page = open('gmail/2020-compose-dialog.html', `${GMAIL_INBOX_URL}?compose=new`);

  it('finds the compose editor', () => {
    const editor = gmail.findReplyEditor(page.document);
    expect(editor?.id).toBe(':8o');
    expect(editor?.getAttribute('contenteditable')).toBe('true');
    expect(gmail.openReplyEditor(page.document)).toBe(editor);
  });

  it('reads no thread, no list, and reports the thread selectors missing', () => {
    expect(gmail.readThread(page.document, { url: page.url })).toBeNull();
    expect(gmail.readThreadList(page.document)).toEqual([]);
    const health = gmail.health(page.document);
    expect(health).toMatchObject({ ok: false, missing: ['messages'] });
    expect(health.counts.editor).toBe(1);
  });

  it('is not a thread view', () => {
    expect(gmail.isThreadView(page.document, page.url)).toBe(false);
  });
});
