/** The Gmail reply editor: find it, or open it with the thread's Reply button. */
import { clickLikeUser, type PageRoot } from '../page-root';
import { gmailSelectors as S } from './selectors';

/**
 * The inline reply editor of the open thread (inside the main column); else the last editor on
 * the page (a popped-out reply or a compose window); null when none is open.
 */
export function findReplyEditor(root: PageRoot): HTMLElement | null {
  const main = root.querySelector(S.main);
  const inThread = main ? main.querySelectorAll<HTMLElement>(S.editor) : [];
  if (inThread.length > 0) return inThread[inThread.length - 1] ?? null;
  const anywhere = root.querySelectorAll<HTMLElement>(S.editor);
  return anywhere[anywhere.length - 1] ?? null;
}

/**
 * The reply editor, opened first when none is open: clicks the Reply button of the newest message
 * (or the thread's bottom Reply link). Returns the editor when it appears synchronously, else null
 * (call findReplyEditor again after the host has rendered it).
 */
export function openReplyEditor(root: PageRoot): HTMLElement | null {
  const open = findReplyEditor(root);
  if (open) return open;
  const scope = root.querySelector(S.main) ?? root;
  const buttons = scope.querySelectorAll(S.replyButton);
  const button = buttons[buttons.length - 1];
  if (!button) return null;
  clickLikeUser(button);
  return findReplyEditor(root);
}
