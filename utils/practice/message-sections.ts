/**
 * A sample thread as a conversation for the practice page: each message with its sender, time
 * and text split into the message's own words and the quoted history below a quote header, so a
 * view can style the history as a quote (with text nodes only). Header texts and times are the
 * ones renderThread gives, so the page agrees with the demo mailbox.
 */
import { formatQuoteHeader, QUOTE_HEADER_LINE, renderThread, type RenderOptions } from './render-thread';
import type { PracticeMessage, PracticeParty, PracticeThread } from './types';

export type MessageSection =
  /** The message's own words, line by line. */
  | { kind: 'text'; lines: string[] }
  /** Quoted history: the host's header lines, then the quoted lines with one level of `>` removed. */
  | { kind: 'quote'; header: string[]; lines: string[] };

export interface ConversationMessage {
  id: string;
  direction: PracticeMessage['direction'];
  from: PracticeParty;
  to: PracticeParty;
  /** ISO instant. */
  sentAt: string;
  sections: MessageSection[];
}

/** The rule Outlook draws above quoted mail. */
const RULE_LINE = /^_{8,}$/;

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start += 1;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end -= 1;
  return lines.slice(start, end);
}

/** Removes one level of `>` when every non-blank line carries it (Gmail style); Outlook quotes stay as they are. */
function unquoteOnce(lines: string[]): string[] {
  const marked = lines.filter((l) => l.trim() !== '');
  if (marked.length === 0 || !marked.every((l) => l.startsWith('>'))) return lines;
  return lines.map((l) => l.replace(/^> ?/, ''));
}

/**
 * Splits a message text at its quote-header lines (`[[quote-header:mN]]`). `headerFor` gives
 * the header text for a quoted message id (one or more lines). A rule line just above a header
 * belongs to the quote and is dropped; blank lines at the edges of a section are dropped.
 */
export function splitMessageText(text: string, headerFor: (quotedId: string) => string): MessageSection[] {
  const sections: MessageSection[] = [];
  let own: string[] = [];
  let quote: { header: string[]; lines: string[] } | undefined;
  const flush = () => {
    if (quote) {
      sections.push({ kind: 'quote', header: quote.header, lines: trimBlankEdges(unquoteOnce(trimBlankEdges(quote.lines))) });
      quote = undefined;
    } else {
      let kept = trimBlankEdges(own);
      while (kept.length > 0 && RULE_LINE.test((kept[kept.length - 1] ?? '').trim())) kept = trimBlankEdges(kept.slice(0, -1));
      if (kept.length > 0) sections.push({ kind: 'text', lines: kept });
    }
    own = [];
  };
  for (const line of text.split('\n')) {
    const match = QUOTE_HEADER_LINE.exec(line.trim());
    if (match) {
      flush();
      quote = { header: headerFor(match[1] ?? '').split('\n'), lines: [] };
    } else if (quote) {
      quote.lines.push(line);
    } else {
      own.push(line);
    }
  }
  flush();
  return sections;
}

/** The thread's messages, oldest first, as they stand at `now`. */
export function conversationOf(thread: PracticeThread, now: Date, options: RenderOptions = {}): ConversationMessage[] {
  const timeZone = options.timeZone ?? 'UTC';
  const rendered = renderThread(thread, now, { timeZone });
  return thread.messages.map((message, index) => {
    const shown = rendered.messages[index];
    const headerFor = (quotedId: string): string => {
      const quoted = rendered.messages.find((m) => m.id === quotedId);
      if (!quoted) return '';
      return formatQuoteHeader(thread.host, { from: quoted.from, to: quoted.to, sentAt: new Date(quoted.sentAt) }, thread.subject, timeZone);
    };
    return {
      id: message.id,
      direction: message.direction,
      from: message.from,
      to: shown?.to ?? message.from,
      sentAt: shown?.sentAt ?? '',
      sections: splitMessageText(message.text, headerFor),
    };
  });
}
