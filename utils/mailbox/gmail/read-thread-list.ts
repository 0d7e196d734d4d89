/** Reads the visible Gmail conversation list (tr.zA rows). */
import { findEmailAddress } from '../email-address';
import { pageLocale, type PageRoot } from '../page-root';
import { parseMailDate } from '../parse-mail-date';
import { readLabel } from '../read-message-text';
import type { ReadOptions } from '../types';
import type { ThreadListRow } from '../../cases/mail-thread';
import { gmailSelectors as S } from './selectors';
import { legacyIdFromPermanentId } from './thread-url';

function rowThreadId(row: Element): string | undefined {
  const el = row.querySelector(S.listThreadId);
  if (!el) return undefined;
  const legacy = el.getAttribute('data-legacy-thread-id');
  if (legacy && legacy !== 'undefined') return legacy;
  return legacyIdFromPermanentId(el.getAttribute('data-thread-id'));
}

export function readThreadList(root: PageRoot, options: ReadOptions = {}): ThreadListRow[] {
  const withLocale: ReadOptions = { ...options, locale: options.locale ?? pageLocale(root) };
  const rows: ThreadListRow[] = [];
  for (const row of Array.from(root.querySelectorAll(S.listRow))) {
    const senderEl = row.querySelector(S.listSender);
    const email = findEmailAddress(senderEl?.getAttribute('email'));
    const name = senderEl?.getAttribute('name')?.trim() || readLabel(senderEl) || undefined;
    const dateEl = row.querySelector(S.listDate);
    const snippet = readLabel(row.querySelector(S.listSnippet)).replace(/^[-–—\s]+/, '');
    const item: ThreadListRow = {
      subject: readLabel(row.querySelector(S.listSubject)),
      from: {},
      dateText: readLabel(dateEl),
      unread: row.matches(S.listUnread),
    };
    const threadId = rowThreadId(row);
    if (threadId) item.threadId = threadId;
    if (snippet) item.snippet = snippet;
    if (name) item.from.name = name;
    if (email) item.from.email = email;
    const sentAt = parseMailDate(dateEl?.getAttribute('title'), withLocale);
    if (sentAt) item.sentAt = sentAt;
    rows.push(item);
  }
  return rows;
}

/** The subject area of the list row of a thread (where a case chip goes), or null. */
export function listRowAnchor(root: PageRoot, threadId: string): Element | null {
  for (const row of Array.from(root.querySelectorAll(S.listRow))) {
    if (rowThreadId(row) !== threadId) continue;
    return row.querySelector(S.listSubjectCell) ?? row.querySelector(S.listSubject) ?? row;
  }
  return null;
}
