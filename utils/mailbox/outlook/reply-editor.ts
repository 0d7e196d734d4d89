/** The Outlook reply editor: find it, or open it with the Reply button of the open message. */
import { clickLikeUser, type PageRoot } from '../page-root';
import { outlookSelectors as S } from './selectors';

/** The reply editor in the reading pane; else the last editor on the page; null when none is open. */
export function findReplyEditor(root: PageRoot): HTMLElement | null {
  const pane = root.querySelector(S.readingPane);
  const inPane = pane ? pane.querySelectorAll<HTMLElement>(S.editor) : [];
  if (inPane.length > 0) return inPane[inPane.length - 1] ?? null;
  const anywhere = root.querySelectorAll<HTMLElement>(S.editor);
  return anywhere[anywhere.length - 1] ?? null;
}

/**
 * The reply editor, opened first when none is open: clicks the Reply button (found by its icon,
 * not its label) of the newest message. Returns the editor when it appears synchronously, else null.
 */
export function openReplyEditor(root: PageRoot): HTMLElement | null {
  const open = findReplyEditor(root);
  if (open) return open;
  const scope = root.querySelector(S.readingPane) ?? root;
  const icons = scope.querySelectorAll(S.replyIcon);
  const icon = icons[icons.length - 1] ?? root.querySelector(S.replyIcon);
  const button = icon?.closest(S.replyButton);
  if (!button) return null;
  clickLikeUser(button);
  return findReplyEditor(root);
}
