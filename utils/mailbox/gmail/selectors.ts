/**
 * Every selector the Gmail adapter uses, by name, and the strategy chains the readers run for each
 * fact (GMAIL_CHAINS: most stable first — data attributes, then structure and ARIA roles, then
 * Gmail's short class names). Nothing here is a word of the interface: Gmail in any language reads
 * the same. health() reports counts under these selector names and, per fact, which strategy answered.
 */
export const gmailSelectors = {
  /** The main column (list or thread). */
  main: 'div[role="main"]',

  // ── open thread ─────────────────────────────────────────────────────────
  /** Subject heading carrying the thread's ids (data attributes). */
  headingWithId: 'h2[data-legacy-thread-id], h2[data-thread-perm-id]',
  /** Subject heading by Gmail's class. */
  subject: 'h2.hP',
  /** Any heading (structure): the subject is the one just above the messages. */
  heading: 'h1, h2, [role="heading"]',
  /** One message, by its ids (data attributes; collapsed messages may lack them). */
  message: '[data-message-id], [data-legacy-message-id]',
  /** The thread's message list and its items (ARIA): one item per message, collapsed or expanded. */
  messageList: '[role="list"]',
  messageItem: '[role="listitem"]',
  /** Messages by Gmail's classes: expanded (h7) and collapsed (kv, kQ) rows. */
  messageClass: '.h7, .kv, .kQ',
  /** An expanded message's header+body block: used when nothing else marks messages. */
  messageBlock: 'div.gs',
  /** Marks a collapsed message. */
  collapsed: '.kv, .kQ',
  /** People with their address in attributes (sender first in a message, then recipients). */
  person: '[email]',
  /** Avatars and names with the address in a hovercard attribute. */
  hovercard: '[data-hovercard-id*="@"]',
  /** Sender by Gmail's class. */
  sender: 'span.gD',
  /** The "to" line of a message header (never the sender). */
  recipients: '.hb, .ajw, .g2',
  /** Elements whose title (or alt) may hold the full local date and time. */
  titled: '[title], [alt]',
  /** Message time by Gmail's class (the title holds the full date). */
  time: 'span.g3',
  /** Message body by Gmail's class. */
  body: 'div.a3s',
  /** Preview line of a collapsed message. */
  snippet: '.iA.g6',
  /** Quoted history, trimmed content (the "…" part) and already-read quotes inside a body. */
  quote: '.gmail_quote, blockquote, .adL, .h5, .adm, .ajR, .im',
  /** Dialogs (compose windows): never part of the thread. */
  dialog: '[role="dialog"]',
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

  // ── conversation list ───────────────────────────────────────────────────
  /** Thread ids in a list row: legacy hex id, or "#thread-f:<decimal>" (data attributes). */
  listThreadId: '[data-legacy-thread-id], [data-thread-id]',
  /** List rows by ARIA (a grid's rows). */
  listGridRow: 'table[role="grid"] tr',
  /** List rows by Gmail's class. */
  listRow: 'tr.zA',
  /** One checkbox per conversation: rows without one continue the conversation above (preview panes). */
  listCheckbox: '[role="checkbox"], input[type="checkbox"]',
  /** Subject by Gmail's class (markup since about 2016). */
  listSubject: '.bog',
  /** The subject cell: subject then snippet (older markup has the subject in a plain span here). */
  listSubjectCell: '.y6',
  listSnippet: '.y2',
  /** Sender by Gmail's classes (name only). */
  listSenderClass: '.yW span, span.zF, span.yP',
  /** Date cell by Gmail's class. */
  listDateCell: 'td.xW span, td.apt span',
  /** Unread / read row classes, and the unread sender class. */
  listUnread: '.zE',
  listRead: '.yO',
  listUnreadSender: 'span.zF',
  listReadSender: 'span.yP',
} as const;

export type GmailSelectorName = keyof typeof gmailSelectors;

/** The strategy chain of each fact, in the order tried (names the readers implement). */
export const GMAIL_CHAINS = {
  threadId: ['heading-ids', 'page-url', 'message-ids'],
  subject: ['heading-ids', 'heading-class', 'heading-above-messages'],
  messages: ['message-ids', 'message-list-items', 'message-classes', 'message-blocks'],
  sender: ['email-attribute', 'hovercard-id', 'sender-class'],
  time: ['titled-date', 'time-class-text'],
  text: ['body-class', 'preview-class', 'longest-line'],
  account: ['account-button', 'page-title'],
  rows: ['thread-id-rows', 'grid-rows', 'row-class'],
  rowThreadId: ['legacy-thread-id', 'thread-perm-id'],
  rowSubject: ['thread-id-span', 'subject-class', 'subject-cell'],
  rowSender: ['email-attribute', 'hovercard-id', 'sender-class'],
  rowDate: ['titled-date', 'date-cell-class'],
  rowSnippet: ['snippet-class'],
  unread: ['row-class', 'sender-class'],
} as const;

/** Facts of an open thread the sidebar cannot do without: without them it says so instead of guessing. */
export const GMAIL_ESSENTIAL_FACTS = ['threadId', 'messages', 'sender'] as const;

/** Selectors counted in health() (diagnostics only: numbers, never content). */
export const GMAIL_COUNTED: readonly GmailSelectorName[] = [
  'main', 'headingWithId', 'subject', 'message', 'messageList', 'messageItem', 'messageClass', 'messageBlock', 'collapsed',
  'person', 'sender', 'time', 'body', 'snippet', 'account', 'editor', 'replyButton', 'listThreadId', 'listRow', 'listCheckbox', 'listSubject',
];
