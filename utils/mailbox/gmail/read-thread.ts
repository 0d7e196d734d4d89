/**
 * Reads the open Gmail thread: thread id, subject, messages (expanded and collapsed: sender, time,
 * newest text), signed-in account. Each fact comes from the chain named in GMAIL_CHAINS; when no
 * strategy answers, the fact is left out rather than guessed (the sidebar then names it).
 */
import { directionOf, findEmailAddress } from '../email-address';
import { documentOf, hiddenInline, isOwnElement, outermost, pageLocale, type PageRoot } from '../page-root';
import { parseMailDate } from '../parse-mail-date';
import { readLabel, readNewestText } from '../read-message-text';
import { findTitledDate } from '../read-titled-date';
import { firstValue, type FactTrace } from '../strategy-chain';
import type { ReadOptions } from '../types';
import type { MessageSnapshot, Party, ThreadSnapshot } from '../../cases/mail-thread';
import { senderStrategies, type SenderScope } from './read-person';
import { GMAIL_CHAINS as C, gmailSelectors as S } from './selectors';
import { legacyIdFromPermanentId, threadIdFromUrl } from './thread-url';

const accounts = new WeakMap<Document, string>();

const accountStrategies = {
  'account-button': (doc: Document) => {
    for (const button of Array.from(doc.querySelectorAll(S.account))) {
      const found = findEmailAddress(button.getAttribute('aria-label')) ?? findEmailAddress(button.getAttribute('title'));
      if (found) return found;
    }
    return undefined;
  },
  /** "… - me@x.com - Gmail" */
  'page-title': (doc: Document) => findEmailAddress(/ - ([^\s]+@[^\s]+) - /.exec(doc.title)?.[1]),
};

/** The signed-in address, remembered per document once found (it does not change in a tab). */
export function readAccount(root: PageRoot, trace?: FactTrace): string | undefined {
  const doc = documentOf(root);
  const known = accounts.get(doc);
  if (known) {
    trace?.note('account', C.account, 'remembered');
    return known;
  }
  const found = firstValue('account', C.account, accountStrategies, doc, trace);
  if (found) accounts.set(doc, found);
  return found;
}

function bodyOf(root: PageRoot): Element {
  return root.nodeType === 9 ? (root as Document).body : (root as Element);
}

/** Headings that name the thread (with ids, or Gmail's subject class), not hidden in an old view. */
function subjectHeadings(scope: PageRoot, selector: string): Element[] {
  return Array.from(scope.querySelectorAll(selector)).filter((h) => !hiddenInline(h, null) && !h.closest(S.dialog));
}

function hasMessages(el: Element): boolean {
  return el.querySelector(`${S.message}, ${S.messageItem}, ${S.messageClass}, ${S.messageBlock}`) !== null;
}

/**
 * The element holding the open thread: the nearest ancestor of the subject heading that also holds
 * the messages (old views Gmail keeps hidden stay outside it); without a heading, the main column
 * (or the page) when it holds messages.
 */
export function threadContainer(root: PageRoot): Element | null {
  const heading = subjectHeadings(root, `${S.headingWithId}, ${S.subject}`)[0];
  if (heading) {
    const main = heading.closest(S.main);
    for (let el = heading.parentElement; el; el = el.parentElement) {
      if (hasMessages(el)) return el;
      if (el === main) break;
    }
    return main ?? bodyOf(root);
  }
  for (const main of Array.from(root.querySelectorAll(S.main))) if (hasMessages(main)) return main;
  const body = bodyOf(root);
  return body && hasMessages(body) ? body : null;
}

interface ThreadCtx {
  root: PageRoot;
  container: Element;
  url?: string;
  /** The message elements, once found. */
  units: Element[];
}

function notInList(el: Element): boolean {
  return !el.closest(S.listRow) && !el.closest(S.dialog) && !el.closest(S.body);
}

/** The thread's message list: its items that hold a person or a message (first such list in the container). */
function listItems(container: Element): Element[] {
  for (const list of Array.from(container.querySelectorAll(S.messageList))) {
    if (!notInList(list)) continue;
    const items = Array.from(list.querySelectorAll(S.messageItem)).filter(
      (item) => item.closest(S.messageList) === list && item.querySelector(`${S.person}, ${S.message}, ${S.body}`) !== null,
    );
    if (items.length > 0) return items;
  }
  return [];
}

function messageIdOf(unit: Element): string | undefined {
  const el = unit.matches(S.message) ? unit : unit.querySelector(S.message);
  if (!el) return undefined;
  return el.getAttribute('data-legacy-message-id') || el.getAttribute('data-message-id') || undefined;
}

function visibleIn(container: Element): (el: Element) => boolean {
  return (el) => notInList(el) && !hiddenInline(el, container);
}

const messageStrategies = {
  /**
   * Messages by their ids; when the thread's list has items (one per message), only if every item
   * holds an id (collapsed messages sometimes lack them): each item is then the message.
   */
  'message-ids': (ctx: ThreadCtx) => {
    const ids = outermost(Array.from(ctx.container.querySelectorAll(S.message)).filter(visibleIn(ctx.container)));
    if (ids.length === 0) return undefined;
    const items = listItems(ctx.container);
    if (items.length === 0) return ids;
    return items.every((item) => item.matches(S.message) || item.querySelector(S.message)) ? items : undefined;
  },
  'message-list-items': (ctx: ThreadCtx) => {
    const items = listItems(ctx.container).filter((el) => !hiddenInline(el, ctx.container));
    return items.length > 0 ? items : undefined;
  },
  'message-classes': (ctx: ThreadCtx) => {
    const units = outermost(Array.from(ctx.container.querySelectorAll(S.messageClass)).filter(visibleIn(ctx.container)));
    return units.length > 0 ? units : undefined;
  },
  'message-blocks': (ctx: ThreadCtx) => {
    const units = outermost(Array.from(ctx.container.querySelectorAll(S.messageBlock)).filter(visibleIn(ctx.container)));
    return units.length > 0 ? units : undefined;
  },
};

function idFrom(el: Element): string | undefined {
  const legacy = el.getAttribute('data-legacy-thread-id');
  if (legacy && legacy !== 'undefined') return legacy;
  return legacyIdFromPermanentId(el.getAttribute('data-thread-perm-id'));
}

const threadIdStrategies = {
  'heading-ids': (ctx: ThreadCtx) => {
    for (const heading of subjectHeadings(ctx.container, S.headingWithId)) {
      const id = idFrom(heading);
      if (id) return id;
    }
    return undefined;
  },
  'page-url': (ctx: ThreadCtx) => (ctx.url ? threadIdFromUrl(ctx.url) : undefined),
  /** Gmail's thread id is its first message's id. */
  'message-ids': (ctx: ThreadCtx) => {
    const first = ctx.units[0];
    if (!first) return undefined;
    const id = messageIdOf(first);
    if (!id) return undefined;
    return /^[0-9a-f]{12,16}$/i.test(id) ? id.toLowerCase() : legacyIdFromPermanentId(id.replace('msg-', 'thread-'));
  },
};

const subjectStrategies = {
  'heading-ids': (ctx: ThreadCtx) => readLabel(subjectHeadings(ctx.container, S.headingWithId)[0]),
  'heading-class': (ctx: ThreadCtx) => readLabel(subjectHeadings(ctx.container, S.subject)[0]),
  /** The last heading above the first message (the subject sits right above the messages). */
  'heading-above-messages': (ctx: ThreadCtx) => {
    const first = ctx.units[0];
    if (!first) return undefined;
    let found: Element | undefined;
    for (const heading of Array.from(ctx.container.querySelectorAll(S.heading))) {
      if (!(heading.compareDocumentPosition(first) & 4) || heading.contains(first)) break;
      if (hiddenInline(heading, ctx.container) || heading.closest(S.dialog) || !readLabel(heading)) continue;
      found = heading;
    }
    return readLabel(found);
  },
};

interface MessageCtx {
  unit: Element;
  body: Element | null;
  sender: SenderScope;
  options: ReadOptions;
}

function senderScope(unit: Element, body: Element | null): SenderScope {
  return {
    scopes: [unit],
    skip: (el) => (body !== null && body.contains(el)) || el.matches(S.recipients) || el.closest(S.recipients) !== null,
    classSelector: S.sender,
  };
}

const timeStrategies = {
  'titled-date': (ctx: MessageCtx) => findTitledDate([ctx.unit], S.titled, ctx.options, (el) => ctx.body?.contains(el) === true)?.at,
  'time-class-text': (ctx: MessageCtx) => {
    const el = ctx.unit.querySelector(S.time);
    return el && !ctx.body?.contains(el) ? parseMailDate(readLabel(el), ctx.options) : undefined;
  },
};

/** The longest text of a collapsed message that is not its sender, time, recipients or a control. */
function longestLine(ctx: MessageCtx): string {
  let best = '';
  for (const el of Array.from(ctx.unit.querySelectorAll('*'))) {
    if (el.childElementCount > 0 || isOwnElement(el)) continue;
    if (el.closest(`${S.person}, ${S.hovercard}, ${S.recipients}, [role="button"], [aria-hidden="true"], [title]`)) continue;
    const text = readLabel(el);
    if (text.length > best.length && !parseMailDate(text, ctx.options)) best = text;
  }
  return best;
}

const textStrategies = {
  'body-class': (ctx: MessageCtx) => (ctx.body ? readNewestText(ctx.body, { quote: S.quote }) : undefined),
  'preview-class': (ctx: MessageCtx) => (ctx.body ? undefined : readLabel(ctx.unit.querySelector(S.snippet))),
  'longest-line': (ctx: MessageCtx) => (ctx.body ? undefined : longestLine(ctx)),
};

function readMessage(unit: Element, account: string | undefined, options: ReadOptions): MessageSnapshot {
  const trace = options.trace;
  const body = unit.querySelector(S.body);
  const ctx: MessageCtx = { unit, body, sender: senderScope(unit, body), options };
  const from: Party = firstValue('sender', C.sender, senderStrategies, ctx.sender, trace) ?? {};
  const sentAt = firstValue('time', C.time, timeStrategies, ctx, trace);
  const text = firstValue('text', C.text, textStrategies, ctx, trace) ?? '';
  const collapsed =
    !body || unit.matches(S.collapsed) || unit.closest(S.collapsed) !== null || unit.querySelector(S.collapsed) !== null || unit.getAttribute('aria-expanded') === 'false';
  const message: MessageSnapshot = { from, direction: directionOf(from.email, account), text, collapsed };
  const id = messageIdOf(unit);
  if (id) message.id = id;
  if (sentAt) message.sentAt = sentAt;
  return message;
}

/** The open thread, or null when no thread is open or its id or messages cannot be found. */
export function readThread(root: PageRoot, options: ReadOptions = {}): ThreadSnapshot | null {
  const trace = options.trace;
  const container = threadContainer(root);
  if (!container) {
    trace?.note('messages', C.messages, undefined);
    return null;
  }
  const ctx: ThreadCtx = { root, container, units: [] };
  if (options.url) ctx.url = options.url;
  ctx.units = firstValue('messages', C.messages, messageStrategies, ctx, trace) ?? [];
  const threadId = firstValue('threadId', C.threadId, threadIdStrategies, ctx, trace);
  if (!threadId || ctx.units.length === 0) return null;
  const account = readAccount(root, trace);
  const withLocale: ReadOptions = { ...options, locale: options.locale ?? pageLocale(root) };
  const messages = ctx.units.map((unit) => readMessage(unit, account, withLocale));
  const snapshot: ThreadSnapshot = {
    host: 'gmail',
    threadId,
    subject: firstValue('subject', C.subject, subjectStrategies, ctx, trace) ?? '',
    messages,
  };
  if (account) snapshot.account = account;
  return snapshot;
}
