/**
 * Reads the visible Gmail conversation list. One conversation can span several table rows (the
 * vertical and horizontal preview panes put sender/date, subject and snippet on rows of their own):
 * rows are grouped first, then each fact is read over the group through its chain (GMAIL_CHAINS).
 * Rows of a second account (/mail/u/1/) or a delegated mailbox (/mail/b/…) are the same markup.
 */
import { isOwnElement, pageLocale, type PageRoot } from '../page-root';
import { readLabel } from '../read-message-text';
import { findTitledDate } from '../read-titled-date';
import { firstAnswer, firstValue, type FactTrace } from '../strategy-chain';
import type { ReadOptions } from '../types';
import type { Party, ThreadListRow } from '../../cases/mail-thread';
import { senderStrategies, type SenderScope } from './read-person';
import { GMAIL_CHAINS as C, gmailSelectors as S } from './selectors';
import { legacyIdFromPermanentId } from './thread-url';

/** The table rows of one conversation, in page order. */
export type RowGroup = Element[];

function scopeOf(root: PageRoot): PageRoot {
  return root.querySelector(S.main) ?? root;
}

const rowStrategies = {
  /** Rows holding a thread id (data attributes). */
  'thread-id-rows': (scope: PageRoot) => {
    const rows: Element[] = [];
    for (const el of Array.from(scope.querySelectorAll(S.listThreadId))) {
      let row: Element | null = el.parentElement;
      while (row && row.tagName !== 'TR') row = row.parentElement;
      if (row) rows.push(row);
    }
    return rows.length > 0 ? rows : undefined;
  },
  /** Rows of a grid table (ARIA). */
  'grid-rows': (scope: PageRoot) => {
    const rows = Array.from(scope.querySelectorAll(S.listGridRow)).filter((row) => row.querySelector(`${S.person}, ${S.listCheckbox}`));
    return rows.length > 0 ? rows : undefined;
  },
  'row-class': (scope: PageRoot) => {
    const rows = Array.from(scope.querySelectorAll(S.listRow));
    return rows.length > 0 ? rows : undefined;
  },
};

function hasCheckbox(row: Element): boolean {
  return row.querySelector(S.listCheckbox) !== null;
}

/** How many rows a row's cells span (a conversation's first row spans the rows that continue it). */
function rowSpan(row: Element): number {
  let span = 1;
  for (const cell of Array.from(row.children)) {
    const n = Number(cell.getAttribute('rowspan'));
    if (Number.isInteger(n) && n > span) span = n;
  }
  return span;
}

/**
 * Groups list rows into conversations: a row whose cells span N rows takes the N-1 rows after it;
 * a row without a checkbox continues the conversation above it when that one has a checkbox.
 */
export function groupRows(rows: readonly Element[]): RowGroup[] {
  const groups: RowGroup[] = [];
  let current: RowGroup | undefined;
  let spanLeft = 0;
  for (const row of rows) {
    const continues =
      current !== undefined &&
      current[current.length - 1]!.parentElement === row.parentElement &&
      (spanLeft > 0 || (!hasCheckbox(row) && hasCheckbox(current[0]!)));
    if (continues) {
      current!.push(row);
      spanLeft -= 1;
      continue;
    }
    current = [row];
    groups.push(current);
    spanLeft = rowSpan(row) - 1;
  }
  return groups;
}

/** The rows the list shows, grouped by conversation, with the strategy that found them. */
export function listGroups(root: PageRoot, trace?: FactTrace): RowGroup[] {
  const scope = scopeOf(root);
  const found = firstAnswer('rows', C.rows, rowStrategies, scope, trace);
  if (!found) return [];
  // Continuation rows carry no id: take every row of the tables the found rows are in, in page order.
  const tables = new Set(found.value.map((row) => row.parentElement));
  const all: Element[] = [];
  for (const table of tables) {
    if (!table) continue;
    for (const row of Array.from(table.children)) {
      if (row.tagName !== 'TR' || (found.by === 'row-class' && !row.matches(S.listRow))) continue;
      if (row.firstElementChild?.tagName === 'TD' || row.querySelector('td')) all.push(row);
    }
  }
  return groupRows(all);
}

function inGroup(group: RowGroup, selector: string): Element | undefined {
  for (const row of group) {
    const el = row.querySelector(selector);
    if (el && !isOwnElement(el)) return el;
  }
  return undefined;
}

const threadIdStrategies = {
  'legacy-thread-id': (group: RowGroup) => {
    for (const row of group) {
      for (const el of Array.from(row.querySelectorAll('[data-legacy-thread-id]'))) {
        const id = el.getAttribute('data-legacy-thread-id');
        if (id && id !== 'undefined') return id;
      }
    }
    return undefined;
  },
  'thread-perm-id': (group: RowGroup) => {
    for (const row of group) {
      for (const el of Array.from(row.querySelectorAll('[data-thread-id]'))) {
        const id = legacyIdFromPermanentId(el.getAttribute('data-thread-id'));
        if (id) return id;
      }
    }
    return undefined;
  },
};

/** The text of a subject cell without its snippet (older markup puts both in one cell). */
function cellSubject(cell: Element): string {
  const snippet = cell.querySelector(S.listSnippet);
  if (!snippet) return readLabel(cell);
  const parts: string[] = [];
  for (const child of Array.from(cell.childNodes)) {
    if (child === snippet || (child.nodeType === 1 && ((child as Element).contains(snippet) || isOwnElement(child as Element)))) continue;
    parts.push(child.textContent ?? '');
  }
  return parts.join(' ').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

const subjectStrategies = {
  /** The span carrying the thread id holds the subject in current markup. */
  'thread-id-span': (group: RowGroup) => {
    for (const row of group) {
      for (const el of Array.from(row.querySelectorAll(`span[data-thread-id], span[data-legacy-thread-id]`))) {
        if (el.querySelector(`${S.person}, ${S.listSnippet}, [role]`)) continue;
        const text = readLabel(el);
        if (text) return text;
      }
    }
    return undefined;
  },
  'subject-class': (group: RowGroup) => readLabel(inGroup(group, S.listSubject)),
  /** The subject cell's text without the snippet (older markup without .bog). */
  'subject-cell': (group: RowGroup) => {
    const cell = inGroup(group, S.listSubjectCell);
    return cell ? cellSubject(cell) : undefined;
  },
};

interface DateCtx {
  group: RowGroup;
  options: ReadOptions;
  /** The group's snippets: never the date. */
  snippets: Set<Element>;
}

const dateStrategies = {
  /** The row's last element whose title reads as a date (the date column is the last one). */
  'titled-date': (ctx: DateCtx) => {
    const found = findTitledDate(ctx.group, '[title]', ctx.options, (el) => el.tagName === 'TR' || inSnippet(el, ctx.snippets), 'last');
    return found ? { el: found.el, at: found.at as string | undefined } : undefined;
  },
  /** Gmail's date cell: the shown text, without a full date. */
  'date-cell-class': (ctx: DateCtx) => {
    const el = inGroup(ctx.group, S.listDateCell);
    return el && readLabel(el) ? { el, at: undefined } : undefined;
  },
};

const snippetStrategies = {
  'snippet-class': (group: RowGroup) => readLabel(inGroup(group, S.listSnippet)).replace(/^[-–—\s]+/, ''),
};

const unreadStrategies = {
  'row-class': (group: RowGroup) => {
    const row = group[0]!;
    if (row.matches(S.listUnread)) return true;
    if (row.matches(S.listRead)) return false;
    return undefined;
  },
  'sender-class': (group: RowGroup) => {
    if (inGroup(group, S.listUnreadSender)) return true;
    if (inGroup(group, S.listReadSender)) return false;
    return undefined;
  },
};

/** True when the element is (inside) one of the group's snippets. */
function inSnippet(el: Element, snippets: Set<Element>): boolean {
  if (snippets.size === 0) return false;
  for (let node: Element | null = el; node && node.tagName !== 'TR'; node = node.parentElement) if (snippets.has(node)) return true;
  return false;
}

function readGroup(group: RowGroup, options: ReadOptions): ThreadListRow {
  const trace = options.trace;
  const snippets = new Set(group.flatMap((row) => Array.from(row.querySelectorAll(S.listSnippet))));
  const sender: SenderScope = { scopes: group, skip: (el) => inSnippet(el, snippets), classSelector: S.listSenderClass };
  const from: Party = firstValue('rowSender', C.rowSender, senderStrategies, sender, trace) ?? {};
  const date = firstValue('rowDate', C.rowDate, dateStrategies, { group, options, snippets }, trace);
  const item: ThreadListRow = {
    subject: firstValue('rowSubject', C.rowSubject, subjectStrategies, group, trace) ?? '',
    from,
    dateText: readLabel(date?.el),
    unread: firstValue('unread', C.unread, unreadStrategies, group, trace) ?? false,
  };
  const threadId = firstValue('rowThreadId', C.rowThreadId, threadIdStrategies, group, trace);
  if (threadId) item.threadId = threadId;
  const snippet = firstValue('rowSnippet', C.rowSnippet, snippetStrategies, group, trace);
  if (snippet) item.snippet = snippet;
  if (date?.at) item.sentAt = date.at;
  return item;
}

export function readThreadList(root: PageRoot, options: ReadOptions = {}): ThreadListRow[] {
  const withLocale: ReadOptions = { ...options, locale: options.locale ?? pageLocale(root) };
  return listGroups(root, options.trace).map((group) => readGroup(group, withLocale));
}

/** The subject area of the list row of a thread (where a case chip goes), or null. */
export function listRowAnchor(root: PageRoot, threadId: string): Element | null {
  for (const group of listGroups(root)) {
    if (firstValue('rowThreadId', C.rowThreadId, threadIdStrategies, group, undefined) !== threadId) continue;
    return inGroup(group, S.listSubjectCell) ?? inGroup(group, S.listSubject) ?? group[0]!;
  }
  return null;
}
