/**
 * A sample thread as it would appear at a given moment: every message gets its real send time
 * (timeline.ts) and every `[[quote-header:mN]]` line becomes the host's own header above quoted
 * mail, with the quoted message's sender and time, so quoted dates agree with the message list.
 */
import type { MailHost } from '../cases/mail-thread';
import { PRACTICE_TEAM_MAILBOX } from './company';
import { threadTimes } from './timeline';
import type { PracticeMessage, PracticeParty, PracticeThread } from './types';

/** A line standing for the header above quoted history of an earlier message of the thread. */
export const QUOTE_HEADER_LINE = /^\[\[quote-header:([A-Za-z0-9_-]+)\]\]$/;

export interface RenderedMessage {
  id: string;
  direction: PracticeMessage['direction'];
  from: PracticeParty;
  to: PracticeParty;
  /** ISO instant. */
  sentAt: string;
  /** The full text with quote headers filled in. */
  text: string;
}

export interface RenderedThread {
  id: string;
  host: MailHost;
  subject: string;
  customer: PracticeParty;
  messages: RenderedMessage[];
}

export interface RenderOptions {
  /** IANA zone the dates in quote headers are written in (default 'UTC'). */
  timeZone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateParts(at: Date, timeZone: string, style: 'short' | 'long'): Record<string, string> {
  const key = `${timeZone}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: style,
      day: 'numeric',
      month: style,
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(at)) parts[part.type] = part.value;
  return parts;
}

const address = (party: PracticeParty) => `${party.name} <${party.email}>`;

/**
 * The header a host writes above quoted mail: Gmail "On Mon, 3 Nov 2025 at 09:12, Name
 * <email> wrote:", Outlook a From / Sent / To / Subject block.
 */
export function formatQuoteHeader(
  host: MailHost,
  quoted: { from: PracticeParty; to: PracticeParty; sentAt: Date },
  subject: string,
  timeZone = 'UTC',
): string {
  if (host === 'gmail') {
    const p = dateParts(quoted.sentAt, timeZone, 'short');
    return `On ${p.weekday}, ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}, ${address(quoted.from)} wrote:`;
  }
  const p = dateParts(quoted.sentAt, timeZone, 'long');
  return [
    `From: ${address(quoted.from)}`,
    `Sent: ${p.weekday}, ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}`,
    `To: ${address(quoted.to)}`,
    `Subject: ${subject}`,
  ].join('\n');
}

function recipientOf(thread: PracticeThread, message: PracticeMessage): PracticeParty {
  return message.direction === 'inbound' ? PRACTICE_TEAM_MAILBOX : thread.customer;
}

/**
 * Renders the thread for `now`. Throws when a quote header names a message that is not an
 * earlier message of the same thread (the sample data is checked by tests).
 */
export function renderThread(thread: PracticeThread, now: Date, options: RenderOptions = {}): RenderedThread {
  const timeZone = options.timeZone ?? 'UTC';
  const times = threadTimes(thread, now);
  const messages = thread.messages.map((message, index): RenderedMessage => {
    const text = message.text
      .split('\n')
      .map((line) => {
        const match = QUOTE_HEADER_LINE.exec(line.trim());
        if (!match) return line;
        const quotedIndex = thread.messages.findIndex((m) => m.id === match[1]);
        const quoted = thread.messages[quotedIndex];
        const quotedTime = times[quotedIndex];
        if (!quoted || !quotedTime || quotedIndex >= index) {
          throw new Error(`${thread.id}/${message.id}: quote header names ${match[1] ?? '?'}, which is not an earlier message`);
        }
        return formatQuoteHeader(
          thread.host,
          { from: quoted.from, to: recipientOf(thread, quoted), sentAt: new Date(quotedTime.sentAt) },
          thread.subject,
          timeZone,
        );
      })
      .join('\n');
    return {
      id: message.id,
      direction: message.direction,
      from: message.from,
      to: recipientOf(thread, message),
      sentAt: times[index]?.sentAt ?? '',
      text,
    };
  });
  return { id: thread.id, host: thread.host, subject: thread.subject, customer: thread.customer, messages };
}
