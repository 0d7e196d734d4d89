/**
 * Every selector the Gmail adapter uses, by name (health() reports missing ones by these names).
 * Stable attributes and roles first; Gmail's short class names only where nothing else exists
 * (they have been stable for years: hP, gD, g3, a3s, zA…). Nothing here depends on the UI language.
 */
export const gmailSelectors = {
  /** The main column (list or thread). */
  main: 'div[role="main"]',
  /** Thread subject heading; carries data-legacy-thread-id and data-thread-perm-id. */
  subject: 'h2.hP',
  /** Any element carrying the thread's legacy (hex) id. */
  threadId: '[data-legacy-thread-id]',
  /** One message of the open thread, expanded (div.adn) or collapsed. */
  message: '[data-message-id]',
  /** An expanded message's header+body block: used when the outer message wrapper is missing. */
  messageBlock: 'div.gs',
  /** Marks a collapsed message row. */
  collapsed: '.kv, .kQ',
  /** Sender of a message: name and address in attributes. */
  sender: 'span.gD[email]',
  /** Message time: the title holds the full local date and time. */
  time: 'span.g3[title]',
  /** Message body. */
  body: 'div.a3s',
  /** Preview line of a collapsed message. */
  snippet: '.iA.g6',
  /** Quoted history and trimmed content inside a body. */
  quote: '.gmail_quote, blockquote, .adL',
  /** Google account button in the bar: its aria-label holds the signed-in address. */
  account: 'a[href*="accounts.google.com/SignOutOptions"]',
  /** Reply / compose editor. */
  editor: 'div[g_editable="true"][role="textbox"][contenteditable="true"]',
  /** Editor content the agent's text goes above when there is no caret: signature, quoted mail. */
  editorTail: '.gmail_signature_prefix, .gmail_signature, .gmail_quote',
  /** The Send button of a reply or compose window (visual element 32601; class aoO on older markup). */
  sendButton: '[role="button"][jslog^="32601;"], div[role="button"].aoO',
  /** Reply buttons: the message header's Reply (visual element 21576) and the thread's bottom "Reply" link. */
  replyButton: '[role="button"][jslog^="21576;"], span.ams.bkH[role="link"]',
  /** Thread list rows. */
  listRow: 'tr.zA',
  /** Unread row (class on tr.zA). */
  listUnread: '.zE',
  /** Row thread id: legacy hex id, or "#thread-f:<decimal>". */
  listThreadId: '[data-legacy-thread-id], [data-thread-id]',
  listSubject: '.bog',
  /** Where a list row shows its subject (chips go here). */
  listSubjectCell: '.y6',
  listSnippet: '.y2',
  listSender: 'span.zF[email], span.yP[email]',
  listDate: 'td.xW span[title]',
} as const;

export type GmailSelectorName = keyof typeof gmailSelectors;

/** Selectors that must match in a thread view for readThread to be trusted. */
export const GMAIL_THREAD_REQUIRED: readonly GmailSelectorName[] = ['main', 'subject', 'threadId', 'message', 'sender', 'time', 'body'];
/** Counted for diagnostics only. */
export const GMAIL_THREAD_OPTIONAL: readonly GmailSelectorName[] = ['account', 'editor', 'replyButton', 'collapsed', 'listRow'];
