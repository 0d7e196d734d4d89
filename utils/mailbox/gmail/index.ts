/** Gmail web adapter: pure DOM readers and writers, testable without a browser. */
import type { MailboxAdapter } from '../types';
import { health, isThreadView, layoutReport, viewKey, watchRoot } from './health';
import { listRowAnchor, readThreadList } from './read-thread-list';
import { readAccount, readThread } from './read-thread';
import { findReplyEditor, openReplyEditor, sendButtonAt, sendButtonFor } from './reply-editor';
import { gmailSelectors } from './selectors';
import { threadIdFromUrl, threadUrl } from './thread-url';

export { health, isThreadView, layoutReport, viewKey, watchRoot } from './health';
export { groupRows, listGroups, listRowAnchor, readThreadList } from './read-thread-list';
export { readAccount, readThread, threadContainer } from './read-thread';
export { findReplyEditor, openReplyEditor, sendButtonAt, sendButtonFor } from './reply-editor';
export { GMAIL_CHAINS, GMAIL_ESSENTIAL_FACTS, gmailSelectors, type GmailSelectorName } from './selectors';
export { legacyIdFromPermanentId, threadIdFromUrl, threadUrl } from './thread-url';

export const GMAIL_HOSTS = ['mail.google.com'] as const;

export const gmailAdapter: MailboxAdapter & { readAccount: typeof readAccount } = {
  host: 'gmail',
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
  editorTail: gmailSelectors.editorTail,
  readAccount,
};
