/**
 * A sample thread as the mailbox adapters would read it (a ThreadSnapshot): real send times and
 * each message's newest content, quoted history cut off. Lets the tour and unit tests feed the
 * classifier and the case record exactly what the demo pages show, without a browser.
 */
import type { MessageSnapshot, ThreadSnapshot } from '../cases/mail-thread';
import { PRACTICE_AGENT } from './company';
import { QUOTE_HEADER_LINE } from './render-thread';
import { threadTimes } from './timeline';
import type { PracticeThread } from './types';

/** Outlook's rule line above a reply header. */
const OUTLOOK_RULE = /^_{8,}$/;

/** A message's own words: everything before its quoted history (signature kept, as adapters do). */
export function newestContent(text: string): string {
  const lines = text.split('\n');
  const quoteAt = lines.findIndex((line) => QUOTE_HEADER_LINE.test(line.trim()));
  const kept = quoteAt < 0 ? lines : lines.slice(0, quoteAt);
  while (kept.length > 0) {
    const last = (kept[kept.length - 1] ?? '').trim();
    if (last === '' || OUTLOOK_RULE.test(last)) kept.pop();
    else break;
  }
  return kept.join('\n');
}

/** The snapshot an adapter would produce for the open thread; older messages collapsed. */
export function toThreadSnapshot(thread: PracticeThread, now: Date): ThreadSnapshot {
  const times = threadTimes(thread, now);
  const last = thread.messages.length - 1;
  const messages: MessageSnapshot[] = thread.messages.map((message, index) => ({
    id: message.id,
    from: { name: message.from.name, email: message.from.email },
    sentAt: times[index]?.sentAt,
    direction: message.direction,
    text: newestContent(message.text),
    collapsed: index !== last,
  }));
  return { host: thread.host, threadId: thread.id, subject: thread.subject, messages, account: PRACTICE_AGENT.email };
}
