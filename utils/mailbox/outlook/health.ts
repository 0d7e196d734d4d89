/** Whether the Outlook page is readable, and whether it should show a conversation at all. */
import { countSelectors, type PageRoot } from '../page-root';
import type { AdapterDiagnostics } from '../types';
import { threadIdFromUrl } from './conversation-url';
import { OUTLOOK_THREAD_OPTIONAL, OUTLOOK_THREAD_REQUIRED, outlookSelectors as S } from './selectors';

/**
 * Required conversation selectors that match nothing, and how many elements every checked selector
 * matched (selector names and numbers only, no mail content: safe to copy into a report).
 */
export function health(root: PageRoot): AdapterDiagnostics {
  const counts = countSelectors(root, S, [...OUTLOOK_THREAD_REQUIRED, ...OUTLOOK_THREAD_OPTIONAL]);
  const missing = OUTLOOK_THREAD_REQUIRED.filter((name) => counts[name] === 0);
  return { ok: missing.length === 0, missing, counts };
}

/** True when the page should show a conversation: the URL names one, or the pane shows a message. */
export function isThreadView(root: PageRoot, url: string): boolean {
  if (threadIdFromUrl(url)) return true;
  const pane = root.querySelector(S.readingPane);
  return pane !== null && pane.querySelector(S.body) !== null;
}

/** Cheap fingerprint of the view: URL id, selected conversation and number of message bodies. */
export function viewKey(root: PageRoot, url: string): string {
  const selected = root.querySelector(S.selectedConversation)?.getAttribute('data-convid') ?? '';
  const pane = root.querySelector(S.readingPane);
  const bodies = pane ? pane.querySelectorAll(S.body).length : 0;
  const items = pane ? pane.querySelectorAll(S.message).length : 0;
  const editor = root.querySelector(S.editor) ? 1 : 0;
  return `${threadIdFromUrl(url) ?? ''}|${selected}|${bodies}|${items}|${editor}`;
}

/**
 * The narrowest element that changes when a conversation opens, switches or closes, or a row
 * arrives: the closest common container of the message list and the reading pane.
 */
export function watchRoot(root: PageRoot): Element | null {
  const pane = root.querySelector(S.readingPane);
  const list = root.querySelector(S.list);
  if (!pane || !list) return pane ?? list;
  let common: Element | null = pane;
  while (common && !common.contains(list)) common = common.parentElement;
  return common;
}
