/**
 * Reads the open Gmail thread: thread id, subject, messages (expanded and collapsed: sender, time,
 * newest text), signed-in account. Each fact comes from the chain named in GMAIL_CHAINS; when no
 * strategy answers, the fact is left out rather than guessed (the sidebar then names it).
 */
import { directionOf, findEmailAddress } from '../email-address';
import { closestWithin, documentOf, hiddenInline, isOwnElement, outermost, pageLocale, partsBefore, selfAndBelow, withinAny, type PageRoot } from '../page-root';
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

/** The first heading that names the thread (with ids, or Gmail's subject class), not hidden in an old view. */
function subjectHeading(scope: PageRoot, selector: string): Element | undefined {
  const usable = (h: Element) => !hiddenInline(h, null) && !h.closest(S.dialog);
  const first = scope.querySelector(selector);
  if (!first || usable(first)) return first ?? undefined;
  return Array.from(scope.querySelectorAll(selector)).find(usable);
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
  const heading = subjectHeading(root, `${S.headingWithId}, ${S.subject}`);
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
  /** List rows, dialogs and message bodies in the container: messages are never inside them. */
  excluded: Set<Element>;
  url?: string;
  /** The message elements, once found. */
  units: Element[];
}

function notExcluded(ctx: ThreadCtx): (el: Element) => boolean {
  return (el) => !withinAny(el, ctx.excluded, ctx.container);
}

/** The thread's message list: its items that hold a person or a message (first such list in the container). */
function listItems(ctx: ThreadCtx): Element[] {
  const usable = notExcluded(ctx);
  for (const list of Array.from(ctx.container.querySelectorAll(S.messageList))) {
    if (!usable(list)) continue;
    const items = Array.from(list.querySelectorAll(S.messageItem)).filter(
      (item) => item.closest(S.messageList) === list && item.querySelector(`${S.person}, ${S.hovercard}, ${S.message}, ${S.body}`) !== null,
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

function visibleIn(ctx: ThreadCtx): (el: Element) => boolean {
  const usable = notExcluded(ctx);
  return (el) => usable(el) && !hiddenInline(el, ctx.container);
}

const messageStrategies = {
  /**
   * Messages by their ids; when the thread's list has items (one per message), only if every item
   * holds an id (collapsed messages sometimes lack them): each item is then the message.
   */
  'message-ids': (ctx: ThreadCtx) => {
    const ids = outermost(Array.from(ctx.container.querySelectorAll(S.message)).filter(visibleIn(ctx)));
    if (ids.length === 0) return undefined;
    const items = listItems(ctx);
    if (items.length === 0) return ids;
    return items.every((item) => item.matches(S.message) || item.querySelector(S.message)) ? items : undefined;
  },
  'message-list-items': (ctx: ThreadCtx) => {
    const items = listItems(ctx).filter((el) => !hiddenInline(el, ctx.container));
    return items.length > 0 ? items : undefined;
  },
  'message-classes': (ctx: ThreadCtx) => {
    const units = outermost(Array.from(ctx.container.querySelectorAll(S.messageClass)).filter(visibleIn(ctx)));
    return units.length > 0 ? units : undefined;
  },
  'message-blocks': (ctx: ThreadCtx) => {
    const units = outermost(Array.from(ctx.container.querySelectorAll(S.messageBlock)).filter(visibleIn(ctx)));
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
    const heading = subjectHeading(ctx.container, S.headingWithId);
    return heading ? idFrom(heading) : undefined;
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
  'heading-ids': (ctx: ThreadCtx) => readLabel(subjectHeading(ctx.container, S.headingWithId)),
  'heading-class': (ctx: ThreadCtx) => readLabel(subjectHeading(ctx.container, S.subject)),
  /** The last heading above the first message (the subject sits right above the messages). */
  'heading-above-messages': (ctx: ThreadCtx) => {
    const first = ctx.units[0];
    if (!first) return undefined;
    let found: Element | undefined;
    for (const heading of Array.from(ctx.container.querySelectorAll(S.heading))) {
      if (!(heading.compareDocumentPosition(first) & 4) || heading.contains(first)) break;
      if (hiddenInline(heading, ctx.container) || heading.closest(`${S.dialog}, [role="banner"], [role="navigation"]`) || !readLabel(heading)) continue;
      found = heading;
    }
    return readLabel(found);
  },
};

interface MessageCtx {
  unit: Element;
  body: Element | null;
  /** Where the header is: the parts of the message before its body (the whole message without one). */
  header: Element[];
  sender: SenderScope;
  options: ReadOptions;
}

function senderScope(unit: Element, header: Element[]): SenderScope {
  const recipients = new Set(header.flatMap((part) => selfAndBelow(part, S.recipients)));
  return { scopes: header, skip: (el) => withinAny(el, recipients, unit), classSelector: S.sender };
}

const timeStrategies = {
  'titled-date': (ctx: MessageCtx) => findTitledDate(ctx.header, S.titled, ctx.options, () => false)?.at,
  'time-class-text': (ctx: MessageCtx) => {
    for (const part of ctx.header) {
      const el = part.matches(S.time) ? part : part.querySelector(S.time);
      if (el) return parseMailDate(readLabel(el), ctx.options);
    }
    return undefined;
  },
};

/** The longest text of a collapsed message that is not its sender, time, recipients or a control. */
function longestLine(ctx: MessageCtx): string {
  let best = '';
  const skipped = new Set(ctx.unit.querySelectorAll(`${S.person}, ${S.hovercard}, ${S.recipients}, [role="button"], [aria-hidden="true"], [title]`));
  for (const el of Array.from(ctx.unit.querySelectorAll('*'))) {
    if (el.childElementCount > 0 || isOwnElement(el)) continue;
    if (withinAny(el, skipped, ctx.unit)) continue;
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

function readMessage(unit: Element, container: Element, account: string | undefined, options: ReadOptions): MessageSnapshot {
  const trace = options.trace;
  const body = unit.querySelector(S.body);
  const header = partsBefore(unit, body);
  const ctx: MessageCtx = { unit, body, header, sender: senderScope(unit, header), options };
  const from: Party = firstValue('sender', C.sender, senderStrategies, ctx.sender, trace) ?? {};
  const sentAt = firstValue('time', C.time, timeStrategies, ctx, trace);
  const text = firstValue('text', C.text, textStrategies, ctx, trace) ?? '';
  const collapsed = !body || unit.getAttribute('aria-expanded') === 'false' || closestWithin(body, S.collapsed, container) !== null;
  const message: MessageSnapshot = { from, direction: directionOf(from.email, account), text, collapsed };
  const id = messageIdOf(unit);
  if (id) message.id = id;
  if (sentAt) message.sentAt = sentAt;
  return message;
}

/** True when the page shows a thread's messages (outside the conversation list). */
export function showsMessages(root: PageRoot): boolean {
  const container = threadContainer(root);
  if (!container) return false;
  const excluded = new Set(container.querySelectorAll(`${S.listRow}, ${S.dialog}, ${S.body}`));
  const units = firstValue('messages', C.messages, messageStrategies, { root, container, excluded, units: [] }, undefined);
  return units !== undefined && units.length > 0;
}

/** The open thread, or null when no thread is open or its id or messages cannot be found. */
export function readThread(root: PageRoot, options: ReadOptions = {}): ThreadSnapshot | null {
  const trace = options.trace;
  const container = threadContainer(root);
  if (!container) {
    trace?.note('messages', C.messages, undefined);
    return null;
  }
  const excluded = new Set(container.querySelectorAll(`${S.listRow}, ${S.dialog}, ${S.body}`));
  const ctx: ThreadCtx = { root, container, excluded, units: [] };
  if (options.url) ctx.url = options.url;
  ctx.units = firstValue('messages', C.messages, messageStrategies, ctx, trace) ?? [];
  const threadId = firstValue('threadId', C.threadId, threadIdStrategies, ctx, trace);
  if (!threadId || ctx.units.length === 0) return null;
  const account = readAccount(root, trace);
  const withLocale: ReadOptions = { ...options, locale: options.locale ?? pageLocale(root) };
  const messages = ctx.units.map((unit) => readMessage(unit, container, account, withLocale));
  const snapshot: ThreadSnapshot = {
    host: 'gmail',
    threadId,
    subject: firstValue('subject', C.subject, subjectStrategies, ctx, trace) ?? '',
    messages,
  };
  if (account) snapshot.account = account;
  return snapshot;
}
