/**
 * What a mailbox page can make the content script read is the page's to decide: a hostile or
 * broken page can put a 100 KB subject, a 10,000-character name or a thousand messages in a
 * thread. The background refuses anything over the protocol's limits (utils/messages.ts); the
 * content script first fits what it read within them, so an odd page still gets a sidebar:
 * texts are cut at the limit, values that cannot be cut without becoming wrong (an address, a
 * date, an id) are left out, and a thread keeps its first message and its newest ones.
 */
import type { Party, ThreadListRow, ThreadSnapshot } from './mail-thread';

export const SNAPSHOT_LIMITS = {
  threadId: 512,
  subject: 2000,
  party: 320,
  messageId: 512,
  instant: 40,
  messageText: 1_000_000,
  messages: 500,
  rows: 500,
  snippet: 2000,
  dateText: 200,
} as const;

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

function fitParty(p: Party): Party {
  const out: Party = {};
  if (p.name !== undefined) out.name = cut(p.name, SNAPSHOT_LIMITS.party);
  if (p.email !== undefined && p.email.length <= SNAPSHOT_LIMITS.party) out.email = p.email;
  return out;
}

/** The snapshot within the protocol's limits; undefined when its thread id cannot be sent (empty or too long). */
export function fitSnapshot(s: ThreadSnapshot): ThreadSnapshot | undefined {
  if (s.threadId === '' || s.threadId.length > SNAPSHOT_LIMITS.threadId) return undefined;
  const keep = s.messages.length <= SNAPSHOT_LIMITS.messages ? s.messages : [s.messages[0]!, ...s.messages.slice(-(SNAPSHOT_LIMITS.messages - 1))];
  const out: ThreadSnapshot = {
    host: s.host,
    threadId: s.threadId,
    subject: cut(s.subject, SNAPSHOT_LIMITS.subject),
    messages: keep.map((m) => ({
      ...(m.id !== undefined && m.id.length <= SNAPSHOT_LIMITS.messageId ? { id: m.id } : {}),
      from: fitParty(m.from),
      ...(m.sentAt !== undefined && m.sentAt.length <= SNAPSHOT_LIMITS.instant ? { sentAt: m.sentAt } : {}),
      direction: m.direction,
      text: cut(m.text, SNAPSHOT_LIMITS.messageText),
      collapsed: m.collapsed,
    })),
  };
  if (s.account !== undefined && s.account.length <= SNAPSHOT_LIMITS.party) out.account = s.account;
  return out;
}

/** Conversation-list rows within the protocol's limits (rows without a sendable id lose it). */
export function fitListRows(rows: readonly ThreadListRow[]): ThreadListRow[] {
  return rows.slice(0, SNAPSHOT_LIMITS.rows).map((r) => {
    const out: ThreadListRow = { subject: cut(r.subject, SNAPSHOT_LIMITS.subject), from: fitParty(r.from), dateText: cut(r.dateText, SNAPSHOT_LIMITS.dateText), unread: r.unread };
    if (r.threadId !== undefined && r.threadId !== '' && r.threadId.length <= SNAPSHOT_LIMITS.threadId) out.threadId = r.threadId;
    if (r.snippet !== undefined) out.snippet = cut(r.snippet, SNAPSHOT_LIMITS.snippet);
    if (r.sentAt !== undefined && r.sentAt.length <= SNAPSHOT_LIMITS.instant) out.sentAt = r.sentAt;
    return out;
  });
}
