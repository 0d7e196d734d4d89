/** Outlook web adapter: pure DOM readers and writers, testable without a browser. */
import type { MailboxAdapter } from '../types';
import { threadIdFromUrl, threadUrl } from './conversation-url';
import { health, isThreadView, layoutReport, viewKey, watchRoot } from './health';
import { listRowAnchor, readThreadList } from './read-thread-list';
import { readAccount, readThread } from './read-thread';
import { findReplyEditor, openReplyEditor, sendButtonAt, sendButtonFor } from './reply-editor';
import { outlookSelectors } from './selectors';

export { isOutlookUrl, OUTLOOK_HOSTS, threadIdFromUrl, threadUrl } from './conversation-url';
export { health, isThreadView, layoutReport, viewKey, watchRoot } from './health';
export { listRowAnchor, readThreadList } from './read-thread-list';
export { conversationScope, readAccount, readParty, readThread } from './read-thread';
export { findReplyEditor, openReplyEditor, sendButtonAt, sendButtonFor } from './reply-editor';
export { OUTLOOK_CHAINS, OUTLOOK_ESSENTIAL_FACTS, outlookSelectors, type OutlookSelectorName } from './selectors';

export const outlookAdapter: MailboxAdapter & { readAccount: typeof readAccount } = {
  host: 'outlook',
  readThread,
  readThreadList,
  findReplyEditor,
  openReplyEditor,
  sendButtonAt,
  sendButtonFor,
  health,
  layoutReport,
  threadIdFromUrl,
  isThreadView,
  viewKey,
  watchRoot,
  threadUrl,
  listRowAnchor,
  editorTail: outlookSelectors.editorTail,
  readAccount,
};
