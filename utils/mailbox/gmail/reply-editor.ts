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

/** The Send button an event target is on (a click on it sends), or null. */
export function sendButtonAt(target: Element): HTMLElement | null {
  return target.closest<HTMLElement>(S.sendButton);
}

/** The Send button of the reply or compose window an editor is in (nearest enclosing one), or null. */
export function sendButtonFor(editor: Element): HTMLElement | null {
  for (let el: Element | null = editor.parentElement, depth = 0; el && depth < 25; el = el.parentElement, depth++) {
    const button = el.querySelector<HTMLElement>(S.sendButton);
    if (button) return button;
  }
  return null;
}
