/** Whether the Gmail page is readable, and whether it should show a thread at all. */
import { diagnosticsFromTrace } from '../diagnose-facts';
import { buildLayoutReport } from '../layout-report';
import { countSelectors, type PageRoot } from '../page-root';
import { FactTrace } from '../strategy-chain';
import type { AdapterDiagnostics, LayoutReportOptions, ReadOptions } from '../types';
import { readThread, showsMessages } from './read-thread';
import { readThreadList } from './read-thread-list';
import { GMAIL_COUNTED, GMAIL_ESSENTIAL_FACTS, gmailSelectors as S } from './selectors';
import { threadIdFromUrl } from './thread-url';

/**
 * Reads the page with a trace: which facts of the open thread no strategy found, which strategy
 * answered the others (list facts too when rows are shown), and how many elements each selector
 * matched. Names and numbers only, no mail content: safe to copy into a report.
 */
export function health(root: PageRoot, options: ReadOptions = {}): AdapterDiagnostics {
  const trace = new FactTrace();
  readThread(root, { ...options, trace });
  readThreadList(root, { ...options, trace });
  return diagnosticsFromTrace(trace, countSelectors(root, S, GMAIL_COUNTED), GMAIL_ESSENTIAL_FACTS);
}

/** True when the page should show a thread: the URL names one, or a thread (heading or messages) is on screen. */
export function isThreadView(root: PageRoot, url: string): boolean {
  if (threadIdFromUrl(url)) return true;
  const main = root.querySelector(S.main);
  if ((main ?? root).querySelector(`${S.headingWithId}, ${S.subject}`) !== null) return true;
  // Without either, only messages on screen (outside list rows) make it a thread.
  return main !== null && showsMessages(main);
}

/** Cheap fingerprint of the view: URL thread token, thread id on screen, number of messages, editor open. */
export function viewKey(root: PageRoot, url: string): string {
  const heading = root.querySelector(S.headingWithId);
  const id = heading?.getAttribute('data-legacy-thread-id') ?? '';
  const main = root.querySelector(S.main) ?? root;
  const messages = main.querySelectorAll(S.message).length;
  const items = main.querySelectorAll(S.messageItem).length;
  const editor = root.querySelector(S.editor) ? 1 : 0;
  return `${threadIdFromUrl(url) ?? ''}|${id}|${messages}|${items}|${editor}`;
}

/** The narrowest element that changes when a thread opens, switches or closes: the main column. */
export function watchRoot(root: PageRoot): Element | null {
  return root.querySelector(S.main);
}

/** The layout report of the page (structure, strategies, counts; no mail content), built when the user asks. */
export function layoutReport(root: Document, options: LayoutReportOptions = {}): string {
  return buildLayoutReport({
    host: 'gmail',
    area: watchRoot(root) ?? root.body,
    diagnostics: health(root, options),
    contentSelector: `${S.body}, ${S.editor}`,
    ...(options.url ? { url: options.url } : {}),
    ...(options.browser ? { browser: options.browser } : {}),
  });
}
