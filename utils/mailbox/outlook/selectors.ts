/**
 * Every selector the Outlook web adapter uses (outlook.live.com, outlook.office.com,
 * outlook.office365.com, outlook.cloud.microsoft, the new Outlook), by name, and the strategy chains
 * the readers run for each fact (OUTLOOK_CHAINS: ids and data attributes first, then structure and
 * ARIA roles). Outlook's class names are generated per build, so none appear here; no selector
 * depends on the interface language.
 */
export const outlookSelectors = {
  /** Containers of the open conversation, by id or data attribute (the reading pane, a read window). */
  readingPane:
    '#ConversationReadingPaneContainer, #ItemReadingPaneContainer, [data-app-section="ConversationContainer"], [data-app-section="MailReadCompose"], [data-app-section="ReadingPane"]',
  /** The reading pane's ids alone (looked up by id first: much faster than a page-wide search). */
  readingPaneIds: 'ConversationReadingPaneContainer ItemReadingPaneContainer',
  /** The main region of the page (ARIA). */
  main: '[role="main"]',
  /** The selected conversation in the message list. */
  selectedConversation: '[data-convid][aria-selected="true"]',
  /** Any element carrying a conversation id. */
  conversationId: '[data-convid]',
  /** Conversation subject by its id suffix (CONV_…_SUBJECT / …_SUBJECT). */
  subjectId: '[id$="_SUBJECT"]',
  /** Conversation subject by role. */
  subject: '[role="heading"]',
  /** One message of the conversation, expanded (aria-expanded=true) or collapsed (false). */
  message: 'div[aria-expanded]',
  /** Message body by its id. */
  body: 'div[id^="UniqueMessageBody"]',
  /** Message body by role: the document inside a message. */
  bodyDocument: '[role="document"]',
  /** Message body by role: a labelled region (its label is a word of the interface, never read). */
  bodyRegion: 'div[role="region"][aria-label]',
  /** What a message body region never contains: controls, lists, editors. */
  notBodyContent:
    '[role="toolbar"], [role="tablist"], [role="listbox"], [role="tree"], [role="menubar"], [role="heading"], [data-convid], [contenteditable="true"], input, select, textarea, div[aria-expanded]',
  /** The application's own parts around the mail (lists, navigation, header bar, search, account): never part of a message. */
  appChrome:
    '#MailList, [role="listbox"], [role="navigation"], [role="banner"], [role="search"], [role="complementary"], [role="tree"], [role="menubar"], #O365_MainLink_Me, #mectrl_currentAccount_secondary',
  /** Sender by its id suffix (…_FROM). */
  senderId: '[id$="_FROM"]',
  /** Sender: an element whose label or title holds an address. */
  sender: '[aria-label*="@"], [title*="@"]',
  /** To/Cc line (never the sender). */
  recipients: '[data-testid="RecipientWell"], [id$="_TO"], [id$="_CC"]',
  /** Time a message was sent/received; title or text holds the local date and time. */
  time: '[data-testid="SentReceivedSavedTime"]',
  /** A machine-readable time. */
  timeElement: 'time[datetime]',
  /** Elements whose title may hold a full date. */
  titled: '[title]',
  /** Action bars inside a message header (never message text). */
  toolbar: '[role="toolbar"]',
  /** Quoted mail inside a body. */
  quote: 'blockquote',
  /** Where quoted history starts: it and everything after it are dropped (ids get an x_ prefix in the pane). */
  quoteStart: '[id$="divRplyFwdMsg"], [id$="appendonsend"], [id$="mail-editor-reference-message-container"]',
  /** Reply / compose editor. */
  editor: 'div[role="textbox"][contenteditable="true"]',
  /** What marks an editor as a reply: the quoted original or the marker Outlook puts above it. */
  replyContext: '[id$="divRplyFwdMsg"], [id$="appendonsend"], [id$="mail-editor-reference-message-container"]',
  /** Editor content the agent's text goes above when there is no caret: signature, quoted mail. */
  editorTail: '[id="Signature"], [id$="_Signature"], [id$="appendonsend"], [id$="divRplyFwdMsg"]',
  /** Reply button icon (the button is its closest button ancestor). */
  replyIcon: 'i[data-icon-name="ArrowReplyRegular"], i[data-icon-name="Reply"]',
  /** The clickable ancestor of the reply icon. */
  replyButton: 'button, [role="button"], [role="menuitem"]',
  /**
   * The Send button's icon (the button is its closest button ancestor). Unverified on live
   * markup: the saved samples have no open reply (see tests/fixtures/README.md).
   */
  sendIcon: 'i[data-icon-name="SendRegular"], i[data-icon-name="SendFilled"], i[data-icon-name="Send"]',
  /** Signed-in account: the account manager's address line or button. */
  account: '#mectrl_currentAccount_secondary, #O365_MainLink_Me, #mectrl_headerPicture',
  /** The conversation list. */
  list: '#MailList, [role="listbox"]',
  /** Conversation list rows. */
  listRow: '[data-convid][role="option"]',
  /** Options of a listbox (rows without a conversation id are not read). */
  listOption: '[role="listbox"] [role="option"]',
  /** Unread mark inside a row (unverified on live markup: see tests/fixtures/README.md). */
  listUnread: '[data-icon-name="CircleFilled"], [data-unread="true"]',
  /** Texts with a title in a row: sender address, subject, date. */
  listTitled: '[title]',
} as const;

export type OutlookSelectorName = keyof typeof outlookSelectors;

/** The strategy chain of each fact, in the order tried (names the readers implement). */
export const OUTLOOK_CHAINS = {
  threadId: ['selected-row-convid', 'pane-convid', 'page-url'],
  subject: ['subject-id', 'heading-role'],
  messages: ['expandable-items', 'body-ancestors'],
  body: ['unique-body-id', 'document-role', 'labelled-region'],
  sender: ['from-id', 'address-label'],
  time: ['time-testid', 'time-element', 'titled-date', 'header-date-text'],
  text: ['message-body', 'preview-line'],
  account: ['account-manager', 'page-title'],
  rows: ['convid-options', 'convid-items'],
  rowThreadId: ['convid'],
  rowSubject: ['titled-text', 'first-line'],
  rowSender: ['address-title'],
  rowDate: ['titled-date'],
  rowSnippet: ['last-line'],
  unread: ['unread-mark', 'label-word'],
  editor: ['editor-in-conversation', 'editor-with-reply-context'],
} as const;

/** Facts of an open conversation the sidebar cannot do without. */
export const OUTLOOK_ESSENTIAL_FACTS = ['threadId', 'messages'] as const;

/** Selectors counted in health() (diagnostics only: numbers, never content). */
export const OUTLOOK_COUNTED: readonly OutlookSelectorName[] = [
  'readingPane', 'main', 'selectedConversation', 'conversationId', 'subjectId', 'subject', 'message', 'body', 'bodyDocument', 'bodyRegion',
  'senderId', 'sender', 'recipients', 'time', 'timeElement', 'editor', 'replyContext', 'replyIcon', 'account', 'listRow', 'listOption',
];

/**
 * Outlook states "unread" only in words (the row's aria-label starts with it). Read only when no
 * unread mark matches, as the last strategy; one entry per interface language we know of.
 */
export const OUTLOOK_UNREAD_LABEL_WORDS: readonly string[] = [
  'unread', 'ungelesen', 'non lu', 'no leído', 'no leido', 'non letto', 'não lido', 'não lida', 'ongelezen', 'oläst',
  'ulæst', 'ulest', 'lukematon', 'nieprzeczytan', 'nepřečten', 'okunmamış', 'непрочитан', 'непрочитане', 'olvasatlan', 'necitit',
  '未読', '未读', '未讀', '읽지 않음',
];
