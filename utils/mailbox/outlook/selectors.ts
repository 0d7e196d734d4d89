/**
 * Every selector the Outlook web adapter uses (outlook.live.com, outlook.office.com,
 * outlook.office365.com, outlook.cloud.microsoft), by name. Outlook's class names are generated
 * per build, so only ids, data-* attributes, ARIA roles and icon names appear here; nothing
 * depends on the interface language (the real samples are German).
 */
export const outlookSelectors = {
  /** The reading pane holding the open conversation. */
  readingPane: '#ConversationReadingPaneContainer, [data-app-section="ConversationContainer"], [data-app-section="MailReadCompose"]',
  /** The selected conversation in the message list. */
  selectedConversation: '[data-convid][aria-selected="true"]',
  /** Conversation subject in the reading pane. */
  subject: '[role="heading"]',
  /** One message of the conversation, expanded (aria-expanded=true) or collapsed (false). */
  message: 'div[aria-expanded]',
  /** Message body. */
  body: 'div[id^="UniqueMessageBody"]',
  /** Sender: an element whose label or title holds an address. */
  sender: '[aria-label*="@"], [title*="@"]',
  /** To/Cc line (never the sender). */
  recipients: '[data-testid="RecipientWell"]',
  /** Time a message was sent/received; title or text holds the local date and time. */
  time: '[data-testid="SentReceivedSavedTime"]',
  /** Action bars inside a message header (never message text). */
  toolbar: '[role="toolbar"]',
  /** Quoted mail inside a body. */
  quote: 'blockquote',
  /** Where quoted history starts: it and everything after it are dropped (ids get an x_ prefix in the pane). */
  quoteStart: '[id$="divRplyFwdMsg"], [id$="appendonsend"], [id$="mail-editor-reference-message-container"]',
  /** Reply editor. */
  editor: 'div[role="textbox"][contenteditable="true"]',
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
  account: '#mectrl_currentAccount_secondary, #O365_MainLink_Me',
  /** The conversation list. */
  list: '#MailList, [role="listbox"]',
  /** Conversation list rows. */
  listRow: '[data-convid][role="option"]',
  /** Unread mark inside a row (unverified on live markup: see tests/fixtures/README.md). */
  listUnread: '[data-icon-name="CircleFilled"], [data-unread="true"]',
  /** Texts with a title in a row: sender address, subject, date. */
  listTitled: '[title]',
} as const;

export type OutlookSelectorName = keyof typeof outlookSelectors;

export const OUTLOOK_THREAD_REQUIRED: readonly OutlookSelectorName[] = ['readingPane', 'body', 'sender', 'subject', 'time'];
export const OUTLOOK_THREAD_OPTIONAL: readonly OutlookSelectorName[] = ['selectedConversation', 'message', 'recipients', 'editor', 'replyIcon', 'account', 'listRow'];

/**
 * Outlook states "unread" only in words (the row's aria-label starts with it). Used only when no
 * unread mark matches; one entry per interface language we know of, so no single language is assumed.
 */
export const OUTLOOK_UNREAD_LABEL_WORDS: readonly string[] = [
  'unread', 'ungelesen', 'non lu', 'no leído', 'non letto', 'não lido', 'não lida', 'ongelezen', 'oläst',
  'ulæst', 'ulest', 'lukematon', 'nieprzeczytan', 'nepřečten', 'okunmamış', 'непрочитан', 'olvasatlan', 'necitit',
];
