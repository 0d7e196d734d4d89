/**
 * Reads the visible Outlook conversation list ([data-convid][role=option] rows). A row's texts
 * carry titles: the sender's address, the subject, the full date; which is which is told by content
 * (an address, a parseable date, the rest), never by generated class names or words.
 */
import { findEmailAddress } from '../email-address';
import { pageLocale, type PageRoot } from '../page-root';
import { parseMailDate } from '../parse-mail-date';
import { readLabel } from '../read-message-text';
import type { ReadOptions } from '../types';
import type { ThreadListRow } from '../../cases/mail-thread';
import { readParty } from './read-thread';
import { OUTLOOK_UNREAD_LABEL_WORDS, outlookSelectors as S } from './selectors';

function isUnread(row: Element): boolean {
  if (row.querySelector(S.listUnread)) return true;
  const label = (row.getAttribute('aria-label') ?? '').trim().toLowerCase();
  return label !== '' && OUTLOOK_UNREAD_LABEL_WORDS.some((word) => label.startsWith(word));
}

/** Leaf elements with text, in document order. */
function textLeaves(row: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(row.querySelectorAll('*'))) {
    if (el.childElementCount === 0 && readLabel(el)) out.push(el);
  }
  return out;
}

export function readThreadList(root: PageRoot, options: ReadOptions = {}): ThreadListRow[] {
  const withLocale: ReadOptions = { ...options, locale: options.locale ?? pageLocale(root) };
  const rows: ThreadListRow[] = [];
  for (const row of Array.from(root.querySelectorAll(S.listRow))) {
    let senderEl: Element | undefined;
    let dateEl: Element | undefined;
    let sentAt: string | undefined;
    let subjectEl: Element | undefined;
    for (const el of Array.from(row.querySelectorAll(S.listTitled))) {
      const title = el.getAttribute('title') ?? '';
      if (!senderEl && findEmailAddress(title)) {
        senderEl = el;
        continue;
      }
      if (!dateEl) {
        const parsed = parseMailDate(title, withLocale);
        if (parsed) {
          dateEl = el;
          sentAt = parsed;
          continue;
        }
      }
      if (!subjectEl && title.trim()) subjectEl = el;
    }
    const used = (el: Element) =>
      [senderEl, dateEl, subjectEl].some((u) => u !== undefined && (u === el || u.contains(el)));
    const leaves = textLeaves(row).filter((el) => !used(el));
    const subject = subjectEl ? (subjectEl.getAttribute('title') ?? readLabel(subjectEl)).trim() : readLabel(leaves.shift());
    const snippetEl = subjectEl ? leaves[leaves.length - 1] : leaves[leaves.length - 1];
    const item: ThreadListRow = {
      subject,
      from: readParty(senderEl),
      dateText: readLabel(dateEl),
      unread: isUnread(row),
    };
    const threadId = row.getAttribute('data-convid');
    if (threadId) item.threadId = threadId;
    const snippet = readLabel(snippetEl);
    if (snippet && snippet !== subject) item.snippet = snippet;
    if (sentAt) item.sentAt = sentAt;
    rows.push(item);
  }
  return rows;
}

/** The list row of a conversation (where a case chip goes), or null. */
export function listRowAnchor(root: PageRoot, threadId: string): Element | null {
  for (const row of Array.from(root.querySelectorAll(S.listRow))) {
    if (row.getAttribute('data-convid') === threadId) return row;
  }
  return null;
}
