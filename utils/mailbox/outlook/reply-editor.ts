/**
 * The Outlook reply editor: an editor is the reply only when it belongs to the open conversation
 * (it sits in the reading pane showing the conversation's messages) or carries reply context (the
 * quoted original, or the marker Outlook puts above it). A new-message form or an editor without
 * such context is never taken for the reply.
 */
import { clickLikeUser, type PageRoot } from '../page-root';
import { firstValue, type FactTrace } from '../strategy-chain';
import { conversationScope, readingPane } from './read-thread';
import { OUTLOOK_CHAINS as C, outlookSelectors as S } from './selectors';

interface EditorCtx {
  editors: HTMLElement[];
  /** The reading pane (found by id or data attribute) showing the open conversation, if any. */
  pane: Element | null;
}

const editorStrategies = {
  /** An editor inside the reading pane that shows the conversation's messages. */
  'editor-in-conversation': (ctx: EditorCtx) => {
    for (let i = ctx.editors.length - 1; i >= 0; i -= 1) if (ctx.pane?.contains(ctx.editors[i]!)) return ctx.editors[i];
    return undefined;
  },
  /** An editor whose compose form holds the quoted original or the marker Outlook puts above it. */
  'editor-with-reply-context': (ctx: EditorCtx) => {
    for (let i = ctx.editors.length - 1; i >= 0; i -= 1) {
      const editor = ctx.editors[i]!;
      const form = editor.closest('form, [role="dialog"], [data-app-section]') ?? editor.parentElement;
      if (editor.querySelector(S.replyContext) || form?.querySelector(S.replyContext)) return editor;
    }
    return undefined;
  },
};

/** The reply editor of the open conversation, or null when none is open. */
export function findReplyEditor(root: PageRoot, trace?: FactTrace): HTMLElement | null {
  const editors = Array.from(root.querySelectorAll<HTMLElement>(S.editor));
  if (editors.length === 0) return null;
  const scope = conversationScope(root, undefined, root.nodeType === 9 ? (root as Document).location?.href : undefined)?.scope ?? null;
  const pane = scope && scope.matches(S.readingPane) ? scope : null;
  return firstValue('editor', C.editor, editorStrategies, { editors, pane }, trace) ?? null;
}

/**
 * The reply editor, opened first when none is open: clicks the Reply button (found by its icon,
 * not its label) of the newest message. Returns the editor when it appears synchronously, else null.
 */
export function openReplyEditor(root: PageRoot): HTMLElement | null {
  const open = findReplyEditor(root);
  if (open) return open;
  const scope = conversationScope(root)?.scope ?? readingPane(root) ?? root;
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
