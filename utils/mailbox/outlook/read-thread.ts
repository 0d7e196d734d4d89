/**
 * Reads the open Outlook conversation: conversation id, subject, messages (sender, time, newest
 * text, collapsed or not), signed-in account. Messages are found wherever their bodies are (the
 * reading pane, a read window, the new Outlook's layout), by id, then by role; each fact comes from
 * the chain named in OUTLOOK_CHAINS and is left out rather than guessed when none answers.
 */
import { directionOf, findEmailAddress } from '../email-address';
import { documentOf, isOwnElement, outermost, pageLocale, type PageRoot } from '../page-root';
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

/** Places a message body is never in: the message list, an editor, navigation. */
function outsideMail(el: Element): boolean {
  return el.closest(`${S.list}, ${S.editor}, [role="navigation"], [role="banner"]`) === null && !isOwnElement(el);
}

function innermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && el.contains(other)));
}

const bodyStrategies = {
  'unique-body-id': (scope: Element) => {
    const bodies = outermost(Array.from(scope.querySelectorAll(S.body)).filter(outsideMail));
    return bodies.length > 0 ? bodies : undefined;
  },
  /** The document inside each message (the innermost ones, holding text and no controls). */
  'document-role': (scope: Element) => {
    const docs = innermost(Array.from(scope.querySelectorAll(S.bodyDocument)).filter(outsideMail));
    const bodies = docs.filter((el) => readLabel(el) !== '' && el.querySelector(S.notBodyContent) === null);
    return bodies.length > 0 ? bodies : undefined;
  },
  /** Labelled regions holding text and no controls (the label is in the interface's language and never read). */
  'labelled-region': (scope: Element) => {
    const regions = innermost(Array.from(scope.querySelectorAll(S.bodyRegion)).filter(outsideMail));
    const bodies = regions.filter((el) => readLabel(el) !== '' && el.querySelector(S.notBodyContent) === null && el.querySelector(S.sender) === null);
    return bodies.length > 0 ? bodies : undefined;
  },
};

export interface ConversationScope {
  /** The element holding the open conversation. */
  scope: Element;
  bodies: Element[];
}

function pageBody(root: PageRoot): Element | null {
  return root.nodeType === 9 ? (root as Document).body : (root as Element);
}

/**
 * Where the open conversation is: the first reading pane (by id or data attribute) that holds a
 * message body, else the main region that does, else the page. A pane with collapsed messages only
 * still counts.
 */
export function conversationScope(root: PageRoot, trace?: FactTrace): ConversationScope | null {
  const candidates = [...Array.from(root.querySelectorAll(S.readingPane)), ...Array.from(root.querySelectorAll(S.main))];
  const page = pageBody(root);
  if (page) candidates.push(page);
  for (const scope of candidates) {
    if (!scope.querySelector(`${S.body}, ${S.bodyDocument}, ${S.bodyRegion}`)) continue;
    const bodies = firstAnswer('body', C.body, bodyStrategies, scope, undefined);
    if (!bodies) continue;
    trace?.note('body', C.body, bodies.by);
    return { scope, bodies: bodies.value };
  }
  const pane = root.querySelector(S.readingPane);
  if (pane && pane.querySelector(`${S.message} ${S.time}, ${S.message} ${S.sender}`)) {
    trace?.note('body', C.body, undefined);
    return { scope: pane, bodies: [] };
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
  /** How many bodies each element holds. */
  held: Map<Element, number>;
  url?: string;
  units: Element[];
}

/** Each body's message: its ancestors up to the last one holding no other body. */
function bodyUnits(ctx: ThreadCtx, bodies: readonly Element[]): Element[] {
  const units: Element[] = [];
  for (const body of bodies) {
    let unit: Element = body;
    while (unit.parentElement && unit.parentElement !== ctx.scope && ctx.held.get(unit.parentElement) === 1) unit = unit.parentElement;
    units.push(unit);
  }
  return units;
}

function byPageOrder(a: Element, b: Element): number {
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

const messageStrategies = {
  /** Items with aria-expanded holding one message (body, time or sender); bodies outside any item are messages too. */
  'expandable-items': (ctx: ThreadCtx) => {
    const items = outermost(
      Array.from(ctx.scope.querySelectorAll(S.message)).filter(
        (el) => outsideMail(el) && (ctx.held.get(el) ?? 0) <= 1 && (ctx.held.get(el) === 1 || el.querySelector(`${S.time}, ${S.senderId}, ${S.sender}`) !== null),
      ),
    );
    if (items.length === 0) return undefined;
    const orphans = ctx.bodies.filter((body) => !items.some((item) => item.contains(body)));
    return [...items, ...bodyUnits(ctx, orphans)].sort(byPageOrder);
  },
  'body-ancestors': (ctx: ThreadCtx) => {
    const units = bodyUnits(ctx, ctx.bodies);
    return units.length > 0 ? units : undefined;
  },
};

const threadIdStrategies = {
  'selected-row-convid': (ctx: ThreadCtx) => {
    const selected = ctx.root.querySelectorAll(S.selectedConversation);
    return selected.length === 1 ? selected[0]!.getAttribute('data-convid') : undefined;
  },
  'pane-convid': (ctx: ThreadCtx) => {
    for (const el of Array.from(ctx.scope.querySelectorAll(S.conversationId))) {
      if (!el.closest(S.list)) return el.getAttribute('data-convid');
    }
    return undefined;
  },
  'page-url': (ctx: ThreadCtx) => (ctx.url ? threadIdFromUrl(ctx.url) : undefined),
};

function outsideUnits(ctx: ThreadCtx): (el: Element) => boolean {
  return (el) => !ctx.units.some((unit) => unit.contains(el)) && !el.closest(S.editor);
}

const subjectStrategies = {
  'subject-id': (ctx: ThreadCtx) => readLabel(Array.from(ctx.scope.querySelectorAll(S.subjectId)).find(outsideUnits(ctx))),
  'heading-role': (ctx: ThreadCtx) => {
    for (const heading of Array.from(ctx.scope.querySelectorAll(S.subject)).filter(outsideUnits(ctx))) {
      const text = readLabel(heading);
      if (text) return text;
    }
    return undefined;
  },
};

interface MessageCtx {
  unit: Element;
  body: Element | undefined;
  options: ReadOptions;
}

function notHeaderPart(ctx: MessageCtx): (el: Element) => boolean {
  return (el) => (ctx.body?.contains(el) ?? false) || el.closest(S.recipients) !== null || el.closest(S.editor) !== null || isOwnElement(el);
}

const senderStrategies = {
  'from-id': (ctx: MessageCtx) => {
    const el = Array.from(ctx.unit.querySelectorAll(S.senderId)).find((e) => !notHeaderPart(ctx)(e));
    const party = readParty(el);
    return party.email || party.name ? party : undefined;
  },
  /** The first element outside the body and the To/Cc line whose label or title holds an address. */
  'address-label': (ctx: MessageCtx) => {
    const el = Array.from(ctx.unit.querySelectorAll(S.sender)).find((e) => !notHeaderPart(ctx)(e));
    const party = readParty(el);
    return party.email ? party : undefined;
  },
};

const timeStrategies = {
  'time-testid': (ctx: MessageCtx) => {
    const el = ctx.unit.querySelector(S.time);
    return el ? parseMailDate(el.getAttribute('title') || readLabel(el), ctx.options) : undefined;
  },
  'time-element': (ctx: MessageCtx) => findTitledDate([ctx.unit], S.timeElement, ctx.options, notHeaderPart(ctx))?.at,
  'titled-date': (ctx: MessageCtx) => findTitledDate([ctx.unit], S.titled, ctx.options, notHeaderPart(ctx))?.at,
};

/** A collapsed message's preview line: its longest text that is not the sender, time, an action or a recipient. */
function readPreview(ctx: MessageCtx): string {
  let best = '';
  for (const el of Array.from(ctx.unit.querySelectorAll('*'))) {
    if (el.childElementCount > 0 || isOwnElement(el)) continue;
    if (el.closest(`${S.sender}, ${S.senderId}, ${S.time}, ${S.toolbar}, ${S.recipients}, ${S.titled}, button`)) continue;
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
  const ctx: MessageCtx = { unit, body, options };
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
  const found = conversationScope(root, trace);
  if (!found) {
    trace?.note('messages', C.messages, undefined);
    return null;
  }
  const ctx: ThreadCtx = { root, scope: found.scope, bodies: found.bodies, held: bodiesHeld(found.bodies, found.scope), units: [] };
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
