// @vitest-environment happy-dom
import { afterAll, describe, expect, it } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
import * as outlook from '../../../utils/mailbox/outlook';
import { GMAIL_REAL_THREAD_ID, OUTLOOK_REAL_CONVERSATION_ID } from '../../fixtures/build/assembled-mailboxes';
import { loadFixture, loadHtml, type LoadedPage } from './load-page';

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

  it('renamed subject, sender and time classes: every fact still reads, through the attribute strategies', () => {
    const page = loadFixture('gmail/assembled-thread.html', url);
    opened.push(page);
    const before = gmail.readThread(page.document, { timeZone: 'Asia/Kolkata' })!;
    renameClass(page.document, 'hP', 'hP2');
    renameClass(page.document, 'gD', 'gD2');
    renameClass(page.document, 'g3', 'g4');
    expect(gmail.isThreadView(page.document, url)).toBe(true);
    expect(gmail.readThread(page.document, { timeZone: 'Asia/Kolkata' })).toEqual(before);
    const health = gmail.health(page.document);
    expect(health).toMatchObject({ ok: true, missing: [] });
    expect(health.counts).toMatchObject({ subject: 0, sender: 0, message: 3, body: 2 });
    expect(health.facts.subject!.answeredBy).toEqual(['heading-ids']);
    expect(health.facts.sender!.answeredBy).toEqual(['email-attribute']);
    expect(health.facts.time!.answeredBy).toEqual(['titled-date']);
  });

  it('no thread or message ids: no thread without the URL, which then names it; messages found as list items', () => {
    const page = loadFixture('gmail/assembled-thread.html', url);
    opened.push(page);
    renameAttribute(page.document, 'data-legacy-thread-id', 'data-legacy-thread-key');
    renameAttribute(page.document, 'data-thread-perm-id', 'data-thread-perm-key');
    renameAttribute(page.document, 'data-message-id', 'data-message-key');
    renameAttribute(page.document, 'data-legacy-message-id', 'data-legacy-message-key');
    const health = gmail.health(page.document);
    expect(health).toMatchObject({ ok: false, missing: ['threadId'] });
    expect(health.facts.messages!.answeredBy).toEqual(['message-list-items']);
    expect(gmail.readThread(page.document)).toBeNull();
    const thread = gmail.readThread(page.document, { url, timeZone: 'Asia/Kolkata' })!;
    expect(thread.threadId).toBe(GMAIL_REAL_THREAD_ID);
    expect(thread.messages.map((m) => [m.from.email, m.collapsed, m.id])).toEqual([
      ['vinod.jptnp@gmail.com', false, undefined],
      ['placement.helpdesk@example.org', true, undefined],
      ['riya.sharma@example.net', false, undefined],
    ]);
    expect(gmail.health(page.document, { url })).toMatchObject({ ok: true, missing: [] });
  });

  it('falls back to the permanent id when the legacy id reads "undefined"', () => {
    const page = loadFixture('gmail/assembled-thread.html', url);
    opened.push(page);
    page.document.querySelector('h2.hP')!.setAttribute('data-legacy-thread-id', 'undefined');
    expect(gmail.readThread(page.document)!.threadId).toBe(GMAIL_REAL_THREAD_ID);
  });

  it('reads the list by its ids when the row class changes; an empty list when ids, grid and class are all gone', () => {
    const page = loadFixture('gmail/assembled-list.html', 'https://mail.google.com/mail/u/0/#inbox');
    opened.push(page);
    const before = gmail.readThreadList(page.document, { timeZone: 'Asia/Kolkata' });
    renameClass(page.document, 'zA', 'zA2');
    expect(gmail.readThreadList(page.document, { timeZone: 'Asia/Kolkata' })).toEqual(before);
    renameAttribute(page.document, 'data-legacy-thread-id', 'data-x');
    renameAttribute(page.document, 'data-thread-id', 'data-y');
    for (const grid of Array.from(page.document.querySelectorAll('[role="grid"]'))) grid.removeAttribute('role');
    expect(gmail.readThreadList(page.document)).toEqual([]);
  });
});

describe('Outlook with its selectors broken on purpose', () => {
  const url = `https://outlook.office.com/mail/inbox/id/${OUTLOOK_REAL_CONVERSATION_ID}`;

  it('renamed body ids, test ids and heading roles: messages found by their documents, times by titles; the subject is named missing', () => {
    const page = loadFixture('outlook/assembled-thread.html', url);
    opened.push(page);
    const before = outlook.readThread(page.document, { timeZone: 'Europe/Berlin' })!;
    for (const body of Array.from(page.document.querySelectorAll('[id^="UniqueMessageBody"]'))) body.id = body.id.replace('UniqueMessageBody', 'MessageBodyV2');
    renameAttribute(page.document, 'data-testid', 'data-test-id');
    for (const heading of Array.from(page.document.querySelectorAll('[role="heading"]'))) heading.setAttribute('role', 'presentation');
    expect(outlook.isThreadView(page.document, url)).toBe(true);
    expect(outlook.readThread(page.document, { timeZone: 'Europe/Berlin' })).toEqual({ ...before, subject: '' });
    const health = outlook.health(page.document);
    expect(health.ok).toBe(true);
    expect(health.missing).toEqual(['subject', 'time']);
    expect(health.counts).toMatchObject({ body: 0, subject: 0, time: 0, bodyDocument: 2 });
    expect(health.facts.body!.answeredBy).toEqual(['document-role']);
    expect(health.facts.time!.answeredBy).toEqual(['titled-date']);
  });

  it('reads the conversation in the main region when no reading-pane id or data attribute is left', () => {
    const page = loadFixture('outlook/assembled-thread.html', url);
    opened.push(page);
    const before = outlook.readThread(page.document, { url, timeZone: 'Europe/Berlin' })!;
    renameAttribute(page.document, 'data-app-section', 'data-section');
    page.document.getElementById('ConversationReadingPaneContainer')!.id = 'ReadingPaneV2';
    expect(outlook.readThread(page.document, { url, timeZone: 'Europe/Berlin' })).toEqual(before);
    expect(outlook.health(page.document, { url }).ok).toBe(true);
  });

  it('reports the messages missing when no body is left by id, document or region', () => {
    const page = loadFixture('outlook/assembled-thread.html', url);
    opened.push(page);
    for (const el of Array.from(page.document.querySelectorAll('[id^="UniqueMessageBody"], [role="document"]'))) {
      el.removeAttribute('id');
      el.removeAttribute('role');
    }
    for (const item of Array.from(page.document.querySelectorAll('div[aria-expanded]'))) item.removeAttribute('aria-expanded');
    expect(outlook.readThread(page.document, { url })).toBeNull();
    expect(outlook.health(page.document, { url })).toMatchObject({ ok: false, missing: ['messages'] });
  });
});

describe('Outlook with the conversation outside any known container', () => {
  it('never takes the account, a list row or a navigation heading for the sender or the subject', () => {
    const markup =
      '<!doctype html><html lang="es"><head><title>Correo – Outlook</title></head><body><div id="app">' +
      '<div role="banner"><button id="O365_MainLink_Me" aria-label="Administrador de cuentas de Ana <ana@empresa.example>">A</button></div>' +
      '<div role="navigation"><div role="heading" aria-level="2">Carpetas</div></div>' +
      '<div id="MailList"><div role="listbox"><div role="option" data-convid="AAQkOther"><span title="otro@cliente.example">Otro</span></div></div></div>' +
      '<div class="rw"><div role="region" aria-label="Cuerpo del mensaje"><div>Hola, el pedido 88 llegó roto. <a href="mailto:pedidos@cliente.example" title="pedidos@cliente.example">escríbanos</a></div></div></div>' +
      '</div></body></html>';
    const url = 'https://outlook.office.com/mail/deeplink/read/AAQkItem1';
    const page = loadHtml(markup, url);
    opened.push(page);
    const thread = outlook.readThread(page.document, { url })!;
    expect(thread.threadId).toBe('AAQkItem1');
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]!.from).toEqual({});
    expect(thread.messages[0]!.text).toBe('Hola, el pedido 88 llegó roto. escríbanos');
    expect(thread.subject).toBe('');
    expect(outlook.health(page.document, { url }).missing).toEqual(['sender', 'subject', 'time']);
  });
});

describe('Outlook list view with something body-like beside the list', () => {
  it('is not taken for an open conversation unless the address names an item', () => {
    const markup =
      '<!doctype html><html lang="de"><body><div id="app"><div id="MailList"><div role="listbox"><div role="option" data-convid="AAQkRow1" aria-selected="false"><span title="kunde@example.com">Kunde</span></div></div></div>' +
      '<div class="sidepanel"><div role="document"><p>Heute: 3 Termine, Wetter sonnig.</p></div></div></div></body></html>';
    const page = loadHtml(markup, 'https://outlook.office.com/mail/inbox');
    opened.push(page);
    expect(outlook.isThreadView(page.document, page.url)).toBe(false);
    expect(outlook.readThread(page.document, { url: page.url })).toBeNull();
  });
});

describe('Gmail list view with list items in its rows (attachment chips)', () => {
  it('is not a thread view', () => {
    const page = loadFixture('gmail/assembled-list.html', 'https://mail.google.com/mail/u/0/#inbox');
    opened.push(page);
    for (const cell of Array.from(page.document.querySelectorAll('td.a4W'))) {
      const chips = page.document.createElement('div');
      chips.setAttribute('role', 'list');
      const chip = page.document.createElement('div');
      chip.setAttribute('role', 'listitem');
      chip.textContent = 'invoice.pdf';
      chips.append(chip);
      cell.append(chips);
    }
    expect(gmail.isThreadView(page.document, page.url)).toBe(false);
    expect(gmail.readThreadList(page.document)).toHaveLength(4);
  });
});
