/**
 * A mail thread as the desk sees it: plain data read from a mailbox page (no DOM), safe to send
 * between contexts. These are the domain's words (cases, practice and the desk use them); the
 * host readers in utils/mailbox produce them.
 */
export type MailHost = 'gmail' | 'outlook';

export interface Party {
  name?: string;
  email?: string;
}

export interface MessageSnapshot {
  id?: string;
  from: Party;
  /** ISO instant, when the page gives a parseable date. */
  sentAt?: string;
  direction: 'inbound' | 'outbound' | 'unknown';
  /** Newest content of the message, quoted history stripped. */
  text: string;
  collapsed: boolean;
}

export interface ThreadSnapshot {
  host: MailHost;
  threadId: string;
  subject: string;
  messages: MessageSnapshot[];
  /** The signed-in mailbox address, when the page shows it. */
  account?: string;
}

export interface ThreadListRow {
  threadId?: string;
  subject: string;
  snippet?: string;
  from: Party;
  dateText: string;
  sentAt?: string;
  unread: boolean;
}
