/** Whether the Gmail page is readable, and whether it should show a thread at all. */
import { countSelectors, type PageRoot } from '../page-root';
import type { AdapterDiagnostics } from '../types';
import { GMAIL_THREAD_OPTIONAL, GMAIL_THREAD_REQUIRED, gmailSelectors as S } from './selectors';
import { threadIdFromUrl } from './thread-url';

/**
 * Required thread selectors that match nothing, and how many elements every checked selector
 * matched (selector names and numbers only, no mail content: safe to copy into a report).
 */
export function health(root: PageRoot): AdapterDiagnostics {
  const counts = countSelectors(root, S, [...GMAIL_THREAD_REQUIRED, 'messageBlock', ...GMAIL_THREAD_OPTIONAL]);
  // An expanded message without its outer wrapper still reads (messageBlock).
  const missing = GMAIL_THREAD_REQUIRED.filter((name) => counts[name] === 0 && !(name === 'message' && (counts.messageBlock ?? 0) > 0));
  return { ok: missing.length === 0, missing, counts };
}

/** True when the page should show a thread: the URL names one, or a thread heading is on screen. */
export function isThreadView(root: PageRoot, url: string): boolean {
  if (threadIdFromUrl(url)) return true;
  const main = root.querySelector(S.main);
  return (main ?? root).querySelector(S.subject) !== null;
}

/** Cheap fingerprint of the view: URL thread token, thread id on screen and number of messages. */
export function viewKey(root: PageRoot, url: string): string {
  const heading = root.querySelector(S.subject);
  const id = heading?.getAttribute('data-legacy-thread-id') ?? '';
  const messages = heading ? root.querySelectorAll(S.message).length : 0;
  const editor = root.querySelector(S.editor) ? 1 : 0;
  return `${threadIdFromUrl(url) ?? ''}|${id}|${messages}|${editor}`;
}

/** The narrowest element that changes when a thread opens, switches or closes: the main column. */
export function watchRoot(root: PageRoot): Element | null {
  return root.querySelector(S.main);
}
