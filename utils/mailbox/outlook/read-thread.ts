/**
 * Reads the open Outlook conversation: conversation id, subject, messages (sender, time, newest
 * text, collapsed or not), signed-in account. Messages are found wherever their bodies are (the
 * reading pane, a read window, the new Outlook's layout), by id, then by role; each fact comes from
 * the chain named in OUTLOOK_CHAINS and is left out rather than guessed when none answers.
 */
import { directionOf, findEmailAddress } from '../email-address';
import { closestWithin, documentOf, isOwnElement, outermost, pageLocale, partsBefore, selfAndBelow, withinAny, type PageRoot } from '../page-root';
import { parseMailDate } from '../parse-mail-date';
import { readLabel, readNewestText } from '../read-message-text';
import { findTitledDate } from '../read-titled-date';
import { firstAnswer, firstValue, type FactTrace } from '../strategy-chain';
import type { ReadOptions } from '../types';
import type { MessageSnapshot, Party, ThreadSnapshot } from '../../cases/mail-thread';
import { threadIdFromUrl } from './conversation-url';
import { OUTLOOK_CHAINS as C, outlookSelectors as S } from './selectors';

const accounts = new WeakMap<Document, string>();

const accountStrategies = {
  'account-manager': (doc: Document) => {
    for (const el of Array.from(doc.querySelectorAll(S.account))) {
      const found = findEmailAddress(el.textContent) ?? findEmailAddress(el.getAttribute('aria-label')) ?? findEmailAddress(el.getAttribute('title'));
      if (found) return found;
    }
    return undefined;
  },
  'page-title': (doc: Document) => findEmailAddress(doc.title),
};

/** The signed-in address: the account manager, else an address in the page title; remembered per document once found. */
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

const NOT_MAIL = `${S.list}, ${S.editor}, [role="navigation"], [role="banner"]`;

/** Places a message is never in: the message list, an editor, navigation. */
function outsideMail(el: Element): boolean {
  return el.closest(NOT_MAIL) === null && !isOwnElement(el);
}

/** outsideMail for many elements of one scope: the scope's own non-mail parts are found once. */
function outsideMailIn(scope: Element): (el: Element) => boolean {
  if (!outsideMail(scope)) return () => false;
  const excluded = new Set(scope.querySelectorAll(NOT_MAIL));
  return (el) => !isOwnElement(el) && !withinAny(el, excluded, scope);
}

function innermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && el.contains(other)));
}

interface BodyCtx {
  scope: Element;
  outside: (el: Element) => boolean;
}

const bodyStrategies = {
  'unique-body-id': ({ scope, outside }: BodyCtx) => {
    const bodies = outermost(Array.from(scope.querySelectorAll(S.body)).filter(outside));
    return bodies.length > 0 ? bodies : undefined;
  },
  /** The document inside each message (the innermost ones, holding text and no controls). */
  'document-role': ({ scope, outside }: BodyCtx) => {
    const docs = innermost(Array.from(scope.querySelectorAll(S.bodyDocument)).filter(outside));
    const bodies = docs.filter((el) => readLabel(el) !== '' && el.querySelector(S.notBodyContent) === null);
    return bodies.length > 0 ? bodies : undefined;
  },
  /** Labelled regions holding text and no controls (the label is in the interface's language and never read). */
  'labelled-region': ({ scope, outside }: BodyCtx) => {
    const regions = innermost(Array.from(scope.querySelectorAll(S.bodyRegion)).filter(outside));
    const bodies = regions.filter((el) => readLabel(el) !== '' && el.querySelector(S.notBodyContent) === null);
    return bodies.length > 0 ? bodies : undefined;
  },
};

export interface ConversationScope {
  /** The element holding the open conversation. */
  scope: Element;
  bodies: Element[];
  /** False for elements in the scope's message list, editors or navigation. */
  outside: (el: Element) => boolean;
}

/** The reading pane: by id when the page has one (fast), else by id or data attribute. */
export function readingPane(root: PageRoot): Element | null {
  if (root.nodeType === 9) {
    for (const id of S.readingPaneIds.split(' ')) {
      const pane = (root as Document).getElementById(id);
      if (pane) return pane;
    }
  }
  return root.querySelector(S.readingPane);
}

/**
 * The whole page is searched for a message only where it can hold just one conversation: a read
 * window (no message list) or an address that names an item. Beside a list, something that merely
 * looks like a body elsewhere on the page is never taken for the open conversation.
 */
function pageMayHoldConversation(root: PageRoot, url: string | undefined): boolean {
  return (url !== undefined && threadIdFromUrl(url) !== undefined) || root.querySelector(S.list) === null;
}

function pageBody(root: PageRoot): Element | null {
  return root.nodeType === 9 ? (root as Document).body : (root as Element);
}

/**
 * Where the open conversation is: the first reading pane (by id or data attribute) that holds a
 * message body, else the main region that does, else the page. A pane with collapsed messages only
 * still counts.
 */
export function conversationScope(root: PageRoot, trace?: FactTrace, url?: string): ConversationScope | null {
  const tried = new Set<Element>();
  const attempt = (scope: Element | null): ConversationScope | null => {
    if (!scope || tried.has(scope)) return null;
    tried.add(scope);
    if (!scope.querySelector(`${S.body}, ${S.bodyDocument}, ${S.bodyRegion}`)) return null;
    const outside = outsideMailIn(scope);
    const bodies = firstAnswer('body', C.body, bodyStrategies, { scope, outside }, undefined);
    if (!bodies) return null;
    trace?.note('body', C.body, bodies.by);
    return { scope, bodies: bodies.value, outside };
  };
  const each = (elements: Element[]) => elements.reduce<ConversationScope | null>((hit, el) => hit ?? attempt(el), null);
  // The usual case first (one reading pane), then every pane, main region and the page.
  const found =
    attempt(readingPane(root)) ??
    each(Array.from(root.querySelectorAll(S.readingPane))) ??
    each(Array.from(root.querySelectorAll(S.main))) ??
    (pageMayHoldConversation(root, url) ? attempt(pageBody(root)) : null);
  if (found) return found;
  const pane = readingPane(root);
  if (pane && pane.querySelector(`${S.message} ${S.time}, ${S.message} ${S.sender}`)) {
    trace?.note('body', C.body, undefined);
    return { scope: pane, bodies: [], outside: outsideMailIn(pane) };
  }
  return null;
}

/** How many of the bodies each element up to `stop` holds (one walk up per body). */
function bodiesHeld(bodies: readonly Element[], stop: Element): Map<Element, number> {
  const held = new Map<Element, number>();
  for (const body of bodies) {
    for (let el: Element | null = body; el && el !== stop; el = el.parentElement) held.set(el, (held.get(el) ?? 0) + 1);
  }
  return held;
}

interface ThreadCtx {
  root: PageRoot;
  scope: Element;
  bodies: Element[];
  outside: (el: Element) => boolean;
  /** How many bodies each element holds. */
  held: Map<Element, number>;
  /** Elements holding application chrome (found once, when needed). */
  chrome?: Set<Element>;
  url?: string;
  units: Element[];
}

/** Each body's message: its ancestors up to the last one holding no other body. */
function bodyUnits(ctx: ThreadCtx, bodies: readonly Element[]): Element[] {
  const units: Element[] = [];
  for (const body of bodies) {
    let unit: Element = body;
    while (unit.parentElement && unit.parentElement !== ctx.scope && ctx.held.get(unit.parentElement) === 1 && !chromeHolders(ctx).has(unit.parentElement)) unit = unit.parentElement;
    units.push(unit);
  }
  return units;
}

/** The elements that hold a part of the application's chrome (list, navigation, bar): a message never grows into them. */
function chromeHolders(ctx: ThreadCtx): Set<Element> {
  if (ctx.chrome) return ctx.chrome;
  const holders = new Set<Element>();
  // A reading pane (found by id or data attribute) holds no chrome: nothing to look for.
  if (ctx.scope.matches(S.readingPane)) {
    ctx.chrome = holders;
    return holders;
  }
  for (const part of Array.from(ctx.scope.querySelectorAll(S.appChrome))) {
    for (let el: Element | null = part; el && el !== ctx.scope && !holders.has(el); el = el.parentElement) holders.add(el);
  }
  ctx.chrome = holders;
  return holders;
}

function byPageOrder(a: Element, b: Element): number {
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

const messageStrategies = {
  /** Items with aria-expanded holding one message (body, time or sender); bodies outside any item are messages too. */
  'expandable-items': (ctx: ThreadCtx) => {
    const items = outermost(
      Array.from(ctx.scope.querySelectorAll(S.message)).filter((el) => {
        const held = ctx.held.get(el) ?? 0;
        if (held > 1 || !ctx.outside(el)) return false;
        // A collapsed message has no body: it shows a header (time, sender).
        return held === 1 || el.querySelector(`${S.time}, ${S.senderId}, ${S.sender}`) !== null;
      }),
    );
    if (items.length === 0) return undefined;
    const inItems = new Set(items);
    const orphans = ctx.bodies.filter((body) => !withinAny(body, inItems, ctx.scope));
    return orphans.length === 0 ? items : [...items, ...bodyUnits(ctx, orphans)].sort(byPageOrder);
  },
  'body-ancestors': (ctx: ThreadCtx) => {
    const units = bodyUnits(ctx, ctx.bodies);
    return units.length > 0 ? units : undefined;
  },
};

const threadIdStrategies = {
  'selected-row-convid': (ctx: ThreadCtx) => {
    const selected = (ctx.root.querySelector(S.list) ?? ctx.root).querySelectorAll(S.selectedConversation);
    return selected.length === 1 ? selected[0]!.getAttribute('data-convid') : undefined;
  },
  'pane-convid': (ctx: ThreadCtx) => {
    for (const el of selfAndBelow(ctx.scope, S.conversationId)) {
      if (!el.closest(S.list)) return el.getAttribute('data-convid');
    }
    return undefined;
  },
  'page-url': (ctx: ThreadCtx) => (ctx.url ? threadIdFromUrl(ctx.url) : undefined),
};

function outsideUnits(ctx: ThreadCtx): (el: Element) => boolean {
  const units = new Set(ctx.units);
  return (el) => !withinAny(el, units, ctx.scope) && closestWithin(el, S.editor, ctx.scope) === null;
}

/** Headings of the scope that can name the conversation: outside messages, editors and the app's chrome, with text. */
function subjectCandidates(ctx: ThreadCtx, selector: string): Element[] {
  const outside = outsideUnits(ctx);
  const chrome = chromeHolders(ctx);
  return Array.from(ctx.scope.querySelectorAll(selector)).filter((el) => outside(el) && !withinChrome(el, chrome, ctx.scope) && readLabel(el) !== '');
}

/** True when the element sits inside a part of the app's chrome (not merely beside it). */
function withinChrome(el: Element, holders: Set<Element>, scope: Element): boolean {
  for (let node: Element | null = el; node && node !== scope; node = node.parentElement) if (holders.has(node) && node.matches(S.appChrome)) return true;
  return false;
}

/** The subject: the last candidate above the first message, else the first one. */
function nearestAbove(candidates: Element[], first: Element | undefined): Element | undefined {
  if (!first) return candidates[0];
  let above: Element | undefined;
  for (const el of candidates) {
    if (!(el.compareDocumentPosition(first) & 4)) break;
    above = el;
  }
  return above ?? candidates[0];
}

const subjectStrategies = {
  'subject-id': (ctx: ThreadCtx) => readLabel(nearestAbove(subjectCandidates(ctx, S.subjectId), ctx.units[0])),
  'heading-role': (ctx: ThreadCtx) => readLabel(nearestAbove(subjectCandidates(ctx, S.subject), ctx.units[0])),
};

interface MessageCtx {
  unit: Element;
  body: Element | undefined;
  /** The parts of the message before its body (the whole message without one): its header. */
  header: Element[];
  /** Recipients and editors in the header: never the sender or the time. */
  notHeader: Set<Element>;
  options: ReadOptions;
}

function inHeader(ctx: MessageCtx, selector: string): Element[] {
  return ctx.header.flatMap((part) => selfAndBelow(part, selector)).filter((el) => !isOwnElement(el) && !withinAny(el, ctx.notHeader, ctx.unit));
}

const senderStrategies = {
  'from-id': (ctx: MessageCtx) => {
    const party = readParty(inHeader(ctx, S.senderId)[0]);
    return party.email || party.name ? party : undefined;
  },
  /** The first element before the body and outside the To/Cc line whose label or title holds an address. */
  'address-label': (ctx: MessageCtx) => {
    const party = readParty(inHeader(ctx, S.sender)[0]);
    return party.email ? party : undefined;
  },
};

const timeStrategies = {
  'time-testid': (ctx: MessageCtx) => {
    const el = inHeader(ctx, S.time)[0];
    return el ? parseMailDate(el.getAttribute('title') || readLabel(el), ctx.options) : undefined;
  },
  'time-element': (ctx: MessageCtx) => findTitledDate(ctx.header, S.timeElement, ctx.options, (el) => withinAny(el, ctx.notHeader, ctx.unit))?.at,
  'titled-date': (ctx: MessageCtx) => findTitledDate(ctx.header, S.titled, ctx.options, (el) => withinAny(el, ctx.notHeader, ctx.unit))?.at,
  /** A text of the header that reads as a full date with a time (no title or test id around it). */
  'header-date-text': (ctx: MessageCtx) => {
    for (const part of ctx.header) {
      for (const el of selfAndBelow(part, '*')) {
        if (el.childElementCount > 0 || withinAny(el, ctx.notHeader, ctx.unit)) continue;
        const text = readLabel(el);
        if (!/\d{1,2}:\d{2}/.test(text)) continue;
        const at = parseMailDate(text, ctx.options);
        if (at) return at;
      }
    }
    return undefined;
  },
};

/** A collapsed message's preview line: its longest text that is not the sender, time, an action or a recipient. */
function readPreview(ctx: MessageCtx): string {
  let best = '';
  const skipped = new Set(ctx.unit.querySelectorAll(`${S.sender}, ${S.senderId}, ${S.time}, ${S.toolbar}, ${S.recipients}, ${S.titled}, button`));
  for (const el of Array.from(ctx.unit.querySelectorAll('*'))) {
    if (el.childElementCount > 0 || isOwnElement(el)) continue;
    if (withinAny(el, skipped, ctx.unit)) continue;
    const text = readLabel(el);
    if (text.length > best.length) best = text;
  }
  return best;
}

const textStrategies = {
  'message-body': (ctx: MessageCtx) => (ctx.body ? readNewestText(ctx.body, { quote: S.quote, quoteStart: S.quoteStart }) : undefined),
  'preview-line': (ctx: MessageCtx) => (ctx.body ? undefined : readPreview(ctx)),
};

function readMessage(unit: Element, bodies: readonly Element[], account: string | undefined, options: ReadOptions): MessageSnapshot {
  const trace = options.trace;
  const body = bodies.find((b) => unit === b || unit.contains(b));
  // A body found alone (no message around it) has no header: nothing is read as its sender or time.
  const header = body === unit ? [] : partsBefore(unit, body);
  const notHeader = new Set(header.flatMap((part) => selfAndBelow(part, `${S.recipients}, ${S.editor}`)));
  const ctx: MessageCtx = { unit, body, header, notHeader, options };
  const from: Party = firstValue('sender', C.sender, senderStrategies, ctx, trace) ?? {};
  const sentAt = firstValue('time', C.time, timeStrategies, ctx, trace);
  const text = firstValue('text', C.text, textStrategies, ctx, trace) ?? '';
  const collapsed = !body || unit.getAttribute('aria-expanded') === 'false';
  const message: MessageSnapshot = { from, direction: directionOf(from.email, account), text, collapsed };
  if (sentAt) message.sentAt = sentAt;
  return message;
}

/** The open conversation, or null when none is shown (or its id cannot be found). */
export function readThread(root: PageRoot, options: ReadOptions = {}): ThreadSnapshot | null {
  const trace = options.trace;
  const found = conversationScope(root, trace, options.url);
  if (!found) {
    trace?.note('messages', C.messages, undefined);
    return null;
  }
  const ctx: ThreadCtx = { root, scope: found.scope, bodies: found.bodies, outside: found.outside, held: bodiesHeld(found.bodies, found.scope), units: [] };
  if (options.url) ctx.url = options.url;
  ctx.units = firstValue('messages', C.messages, messageStrategies, ctx, trace) ?? [];
  const threadId = firstValue('threadId', C.threadId, threadIdStrategies, ctx, trace);
  if (!threadId || ctx.units.length === 0) return null;
  const account = readAccount(root, trace);
  const withLocale: ReadOptions = { ...options, locale: options.locale ?? pageLocale(root) };
  const snapshot: ThreadSnapshot = {
    host: 'outlook',
    threadId,
    subject: firstValue('subject', C.subject, subjectStrategies, ctx, trace) ?? '',
    messages: ctx.units.map((unit) => readMessage(unit, ctx.bodies, account, withLocale)),
  };
  if (account) snapshot.account = account;
  return snapshot;
}
