/** Reads the open Outlook conversation from the reading pane. */
import { directionOf, findEmailAddress } from '../email-address';
import { documentOf, pageLocale, type PageRoot } from '../page-root';
import { parseMailDate } from '../parse-mail-date';
import { readLabel, readNewestText } from '../read-message-text';
import type { ReadOptions } from '../types';
import type { MessageSnapshot, Party, ThreadSnapshot } from '../../cases/mail-thread';
import { threadIdFromUrl } from './conversation-url';
import { outlookSelectors as S } from './selectors';

const accounts = new WeakMap<Document, string>();

/** The signed-in address: the account manager, else an address in the page title; remembered per document once found. */
export function readAccount(root: PageRoot): string | undefined {
  const doc = documentOf(root);
  const known = accounts.get(doc);
  if (known) return known;
  let found: string | undefined;
  for (const el of Array.from(doc.querySelectorAll(S.account))) {
    found = findEmailAddress(el.textContent) ?? findEmailAddress(el.getAttribute('aria-label')) ?? findEmailAddress(el.getAttribute('title'));
    if (found) break;
  }
  found ??= findEmailAddress(doc.title);
  if (found) accounts.set(doc, found);
  return found;
}

export function readingPane(root: PageRoot): Element | null {
  return root.querySelector(S.readingPane);
}

/** A party from an element whose label, title or text holds "Name <address>" in any language. */
export function readParty(el: Element | null | undefined): Party {
  if (!el) return {};
  const label = el.getAttribute('aria-label') ?? '';
  const title = el.getAttribute('title') ?? '';
  const text = readLabel(el);
  const email = findEmailAddress(label) ?? findEmailAddress(title) ?? findEmailAddress(text);
  const party: Party = {};
  if (email) party.email = email;
  let name = text && !text.includes('@') ? text : '';
  if (!name) {
    const source = label || title;
    name = source
      .replace(/[^\s<>()"]+@[^\s<>()"]+/g, '')
      .replace(/[<>()"]/g, '')
      .replace(/^[^:]{1,24}:\s*/, '')
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (name) party.name = name;
  return party;
}

/** The messages of the pane: items with aria-expanded, and bodies outside any item (one message each). */
function messageElements(pane: Element): Element[] {
  const bodies = Array.from(pane.querySelectorAll(S.body));
  const items = Array.from(pane.querySelectorAll(S.message)).filter(
    (el) => el.querySelector(S.body) !== null || el.querySelector(S.time) !== null,
  );
  const outer = items.filter((el) => !items.some((other) => other !== el && other.contains(el)));
  const units = [...outer];
  for (const body of bodies) {
    if (outer.some((item) => item.contains(body))) continue;
    let unit: Element = body;
    while (unit.parentElement && unit.parentElement !== pane && countWithin(unit.parentElement, bodies) === 1) unit = unit.parentElement;
    units.push(unit);
  }
  return units.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

function countWithin(container: Element, elements: Element[]): number {
  let n = 0;
  for (const el of elements) if (container.contains(el)) n += 1;
  return n;
}

function findSender(unit: Element): Element | null {
  for (const el of Array.from(unit.querySelectorAll(S.sender))) {
    if (el.closest(S.recipients) || el.closest(S.body) || el.closest(S.editor)) continue;
    return el;
  }
  return null;
}

/** A collapsed message's preview line: its longest text that is not the sender, time or an action. */
function readPreview(unit: Element, senderEl: Element | null, timeEl: Element | null): string {
  let best = '';
  for (const el of Array.from(unit.querySelectorAll('*'))) {
    if (el.childElementCount > 0) continue;
    if ((senderEl && senderEl.contains(el)) || (timeEl && timeEl.contains(el)) || el.closest(S.toolbar) || el.closest(S.recipients)) continue;
    const text = readLabel(el);
    if (text.length > best.length) best = text;
  }
  return best;
}

function readMessage(unit: Element, account: string | undefined, options: ReadOptions): MessageSnapshot {
  const senderEl = findSender(unit);
  const from = readParty(senderEl);
  const timeEl = unit.querySelector(S.time);
  const sentAt = parseMailDate(timeEl?.getAttribute('title') || readLabel(timeEl), options);
  const body = unit.matches(S.body) ? unit : unit.querySelector(S.body);
  const collapsed = !body || unit.getAttribute('aria-expanded') === 'false';
  const text = body ? readNewestText(body, { quote: S.quote, quoteStart: S.quoteStart }) : readPreview(unit, senderEl, timeEl);
  const message: MessageSnapshot = { from, direction: directionOf(from.email, account), text, collapsed };
  if (sentAt) message.sentAt = sentAt;
  return message;
}

function readSubject(pane: Element, units: Element[]): string {
  for (const heading of Array.from(pane.querySelectorAll(S.subject))) {
    if (units.some((u) => u.contains(heading))) continue;
    const text = readLabel(heading);
    if (text) return text;
  }
  return '';
}

/** The open conversation, or null when the reading pane shows none. */
export function readThread(root: PageRoot, options: ReadOptions = {}): ThreadSnapshot | null {
  const pane = readingPane(root);
  if (!pane) return null;
  const units = messageElements(pane);
  if (units.length === 0) return null;
  const selected = root.querySelector(S.selectedConversation)?.getAttribute('data-convid');
  const threadId = selected || (options.url ? threadIdFromUrl(options.url) : undefined);
  if (!threadId) return null;
  const account = readAccount(root);
  const withLocale: ReadOptions = { ...options, locale: options.locale ?? pageLocale(root) };
  const snapshot: ThreadSnapshot = {
    host: 'outlook',
    threadId,
    subject: readSubject(pane, units),
    messages: units.map((unit) => readMessage(unit, account, withLocale)),
  };
  if (account) snapshot.account = account;
  return snapshot;
}
