/** What an adapter reads from a mailbox page: plain data, no DOM, safe to send between contexts. */
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

export interface AdapterHealth {
  ok: boolean;
  /** Names of the selectors (keys of selectors.ts) that matched nothing. */
  missing: string[];
}
