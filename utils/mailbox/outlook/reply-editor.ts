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

/** The Send button an event target is on (the button holding the send icon), or null. */
export function sendButtonAt(target: Element): HTMLElement | null {
  const button = target.closest<HTMLElement>(S.replyButton);
  return button?.querySelector(S.sendIcon) ? button : null;
}

/** The Send button of the compose area an editor is in (nearest enclosing one), or null. */
export function sendButtonFor(editor: Element): HTMLElement | null {
  for (let el: Element | null = editor.parentElement, depth = 0; el && depth < 25; el = el.parentElement, depth++) {
    const icon = el.querySelector(S.sendIcon);
    const button = icon?.closest<HTMLElement>(S.replyButton);
    if (button) return button;
  }
  return null;
}
