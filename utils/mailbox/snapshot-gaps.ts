/**
 * Which facts a read thread lacks (the reader left them out rather than guess): a message without
 * a sender or a time, the subject, every message's text. In the order the sidebar names them.
 */
import type { ThreadSnapshot } from '../cases/mail-thread';
import type { MailFact } from './strategy-chain';

export function snapshotGaps(snapshot: ThreadSnapshot): MailFact[] {
  const gaps: MailFact[] = [];
  if (snapshot.messages.some((m) => !m.from.email && !m.from.name)) gaps.push('sender');
  if (!snapshot.subject) gaps.push('subject');
  if (snapshot.messages.some((m) => !m.sentAt)) gaps.push('time');
  if (snapshot.messages.length > 0 && snapshot.messages.every((m) => !m.text)) gaps.push('text');
  return gaps;
}
