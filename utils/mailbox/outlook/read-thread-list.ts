/**
 * Reads the visible Outlook conversation list ([data-convid] rows). A row's texts carry titles: the
 * sender's address, the subject, the full date; which is which is told by content (an address, a
 * parseable date, the rest), never by generated class names or words. Each fact goes through its
 * chain in OUTLOOK_CHAINS.
 */
import { findEmailAddress } from '../email-address';
import { isOwnElement, outermost, pageLocale, type PageRoot } from '../page-root';
import { parseMailDate } from '../parse-mail-date';
import { readLabel } from '../read-message-text';
import { firstValue } from '../strategy-chain';
import type { ReadOptions } from '../types';
import type { Party, ThreadListRow } from '../../cases/mail-thread';
import { readParty } from './read-thread';
import { OUTLOOK_CHAINS as C, OUTLOOK_UNREAD_LABEL_WORDS, outlookSelectors as S } from './selectors';

const rowStrategies = {
  'convid-options': (root: PageRoot) => {
    const rows = Array.from(root.querySelectorAll(S.listRow));
    return rows.length > 0 ? rows : undefined;
  },
  /** Any element with a conversation id inside the list (rows drawn without the option role). */
  'convid-items': (root: PageRoot) => {
    const rows = outermost(Array.from(root.querySelectorAll(S.conversationId)).filter((el) => el.closest(S.list) !== null));
    return rows.length > 0 ? rows : undefined;
  },
};

/** A row split by content: the titled element holding an address, the one holding a date, the first other one. */
interface RowParts {
  row: Element;
  senderEl?: Element;
  dateEl?: Element;
  sentAt?: string;
  subjectEl?: Element;
  /** Leaf elements with text that none of the above holds, in page order. */
  rest: Element[];
}

function splitRow(row: Element, options: ReadOptions): RowParts {
  const parts: RowParts = { row, rest: [] };
  for (const el of Array.from(row.querySelectorAll(S.listTitled))) {
    if (isOwnElement(el)) continue;
    const title = el.getAttribute('title') ?? '';
    if (!parts.senderEl && findEmailAddress(title)) {
      parts.senderEl = el;
      continue;
    }
    if (!parts.dateEl) {
      const parsed = parseMailDate(title, options);
      if (parsed) {
        parts.dateEl = el;
        parts.sentAt = parsed;
        continue;
      }
    }
    if (!parts.subjectEl && title.trim()) parts.subjectEl = el;
  }
  const used = (el: Element) => [parts.senderEl, parts.dateEl, parts.subjectEl].some((u) => u !== undefined && (u === el || u.contains(el)));
  for (const el of Array.from(row.querySelectorAll('*'))) {
    if (el.childElementCount === 0 && !isOwnElement(el) && readLabel(el) && !used(el)) parts.rest.push(el);
  }
  return parts;
}

const subjectStrategies = {
  'titled-text': (p: RowParts) => (p.subjectEl ? (p.subjectEl.getAttribute('title') ?? readLabel(p.subjectEl)).trim() : undefined),
  'first-line': (p: RowParts) => readLabel(p.rest[0]),
};

const senderStrategies = {
  'address-title': (p: RowParts) => {
    const party = readParty(p.senderEl);
    return party.email || party.name ? party : undefined;
  },
};

const dateStrategies = {
  'titled-date': (p: RowParts) => (p.dateEl ? { el: p.dateEl, at: p.sentAt } : undefined),
};

const snippetStrategies = {
  'last-line': (p: RowParts) => {
    const rest = p.subjectEl ? p.rest : p.rest.slice(1);
    return readLabel(rest[rest.length - 1]);
  },
};

const unreadStrategies = {
  'unread-mark': (p: RowParts) => (p.row.matches(S.listUnread) || p.row.querySelector(S.listUnread) ? true : undefined),
  /** Last resort: the words Outlook starts an unread row's label with, in the languages we know. */
  'label-word': (p: RowParts) => {
    const label = (p.row.getAttribute('aria-label') ?? '').trim().toLowerCase();
    if (!label) return undefined;
    return OUTLOOK_UNREAD_LABEL_WORDS.some((word) => label.startsWith(word));
  },
};

const threadIdStrategies = {
  convid: (p: RowParts) => p.row.getAttribute('data-convid'),
};

export function readThreadList(root: PageRoot, options: ReadOptions = {}): ThreadListRow[] {
  const trace = options.trace;
  const withLocale: ReadOptions = { ...options, locale: options.locale ?? pageLocale(root) };
  const rows = firstValue('rows', C.rows, rowStrategies, root, trace) ?? [];
  return rows.map((row) => {
    const parts = splitRow(row, withLocale);
    const subject = firstValue('rowSubject', C.rowSubject, subjectStrategies, parts, trace) ?? '';
    const from: Party = firstValue('rowSender', C.rowSender, senderStrategies, parts, trace) ?? {};
    const date = firstValue('rowDate', C.rowDate, dateStrategies, parts, trace);
    const item: ThreadListRow = {
      subject,
      from,
      dateText: readLabel(date?.el),
      unread: firstValue('unread', C.unread, unreadStrategies, parts, trace) ?? false,
    };
    const threadId = firstValue('rowThreadId', C.rowThreadId, threadIdStrategies, parts, trace);
    if (threadId) item.threadId = threadId;
    const snippet = firstValue('rowSnippet', C.rowSnippet, snippetStrategies, parts, trace);
    if (snippet && snippet !== subject) item.snippet = snippet;
    if (date?.at) item.sentAt = date.at;
    return item;
  });
}

/** The list row of a conversation (where a case chip goes), or null. */
export function listRowAnchor(root: PageRoot, threadId: string): Element | null {
  for (const row of firstValue('rows', C.rows, rowStrategies, root, undefined) ?? []) {
    if (row.getAttribute('data-convid') === threadId) return row;
  }
  return null;
}
