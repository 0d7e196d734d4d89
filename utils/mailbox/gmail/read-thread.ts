/** Reads the open Gmail thread: subject, thread id, messages (expanded and collapsed), account. */
import { directionOf, findEmailAddress } from '../email-address';
import { documentOf, pageLocale, type PageRoot } from '../page-root';
import { parseMailDate } from '../parse-mail-date';
import { readLabel, readNewestText } from '../read-message-text';
import type { ReadOptions } from '../types';
import type { MessageSnapshot, ThreadSnapshot } from '../../cases/mail-thread';
import { gmailSelectors as S } from './selectors';
import { legacyIdFromPermanentId, threadIdFromUrl } from './thread-url';

const accounts = new WeakMap<Document, string>();

/**
 * The signed-in address: the Google account button's label, else the page title
 * ("… - me@x.com - Gmail"). Remembered per document once found (it does not change in a tab).
 */
export function readAccount(root: PageRoot): string | undefined {
  const doc = documentOf(root);
  const known = accounts.get(doc);
  if (known) return known;
  let found: string | undefined;
  for (const button of Array.from(doc.querySelectorAll(S.account))) {
    found = findEmailAddress(button.getAttribute('aria-label')) ?? findEmailAddress(button.getAttribute('title'));
    if (found) break;
  }
  found ??= findEmailAddress(/ - ([^\s]+@[^\s]+) - /.exec(doc.title)?.[1]);
  if (found) accounts.set(doc, found);
  return found;
}

/** The container of the open thread: the main column holding the subject heading (or, lacking it, messages). */
export function threadContainer(root: PageRoot): Element | null {
  const body = (): Element => (root.nodeType === 9 ? (root as Document).body : (root as Element));
  const heading = root.querySelector(S.subject);
  if (heading) return heading.closest(S.main) ?? body();
  const message = root.querySelector(`${S.message}, ${S.messageBlock}`);
  if (!message) return null;
  return message.closest(S.main) ?? body();
}

function idFrom(el: Element): string | undefined {
  const legacy = el.getAttribute('data-legacy-thread-id');
  if (legacy && legacy !== 'undefined') return legacy;
  return legacyIdFromPermanentId(el.getAttribute('data-thread-perm-id'));
}

function readThreadId(container: Element, options: ReadOptions): string | undefined {
  const heading = container.querySelector(S.subject);
  const fromHeading = heading ? idFrom(heading) : undefined;
  if (fromHeading) return fromHeading;
  for (const el of Array.from(container.querySelectorAll(S.threadId))) {
    if (el.closest(S.listRow)) continue;
    const id = idFrom(el);
    if (id) return id;
  }
  return options.url ? threadIdFromUrl(options.url) : undefined;
}

function messageElements(container: Element): Element[] {
  const wrapped = Array.from(container.querySelectorAll(S.message)).filter((el) => !el.closest(S.listRow));
  // Nested [data-message-id] (a wrapper and its inner block) count once: keep the outermost.
  const outer = wrapped.filter((el) => !wrapped.some((other) => other !== el && other.contains(el)));
  if (outer.length > 0) return outer;
  return Array.from(container.querySelectorAll(S.messageBlock));
}

function readMessage(el: Element, account: string | undefined, options: ReadOptions): MessageSnapshot {
  const senderEl = el.querySelector(S.sender);
  const email = findEmailAddress(senderEl?.getAttribute('email'));
  const name = senderEl?.getAttribute('name')?.trim() || readLabel(senderEl) || undefined;
  const timeEl = el.querySelector(S.time);
  const sentAt = parseMailDate(timeEl?.getAttribute('title') ?? timeEl?.getAttribute('alt'), options);
  const body = el.querySelector(S.body);
  const collapsed = !body || el.matches(S.collapsed) || el.closest(S.collapsed) !== null;
  let text = '';
  if (body) text = readNewestText(body, { quote: S.quote });
  else text = readLabel(el.querySelector(S.snippet));
  const id = el.getAttribute('data-legacy-message-id') || el.getAttribute('data-message-id') || undefined;
  const message: MessageSnapshot = { from: {}, direction: directionOf(email, account), text, collapsed };
  if (id) message.id = id;
  if (name) message.from.name = name;
  if (email) message.from.email = email;
  if (sentAt) message.sentAt = sentAt;
  return message;
}

/** The open thread, or null when no thread is open (or its id cannot be found). */
export function readThread(root: PageRoot, options: ReadOptions = {}): ThreadSnapshot | null {
  const container = threadContainer(root);
  if (!container) return null;
  const threadId = readThreadId(container, options);
  if (!threadId) return null;
  const account = readAccount(root);
  const withLocale: ReadOptions = { ...options, locale: options.locale ?? pageLocale(root) };
  const messages = messageElements(container).map((el) => readMessage(el, account, withLocale));
  const snapshot: ThreadSnapshot = {
    host: 'gmail',
    threadId,
    subject: readLabel(container.querySelector(S.subject)),
    messages,
  };
  if (account) snapshot.account = account;
  return snapshot;
}
