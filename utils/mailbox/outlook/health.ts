/** Whether the Outlook page is readable, and whether it should show a conversation at all. */
import { diagnosticsFromTrace } from '../diagnose-facts';
import { buildLayoutReport } from '../layout-report';
import { countSelectors, type PageRoot } from '../page-root';
import { FactTrace } from '../strategy-chain';
import type { AdapterDiagnostics, LayoutReportOptions, ReadOptions } from '../types';
import { threadIdFromUrl } from './conversation-url';
import { conversationScope, readingPane, readThread } from './read-thread';
import { readThreadList } from './read-thread-list';
import { findReplyEditor } from './reply-editor';
import { OUTLOOK_COUNTED, OUTLOOK_ESSENTIAL_FACTS, outlookSelectors as S } from './selectors';

/**
 * Reads the page with a trace: which facts of the open conversation no strategy found, which
 * strategy answered the others (list rows and the reply editor too), and how many elements each
 * selector matched. Names and numbers only, no mail content: safe to copy into a report.
 */
export function health(root: PageRoot, options: ReadOptions = {}): AdapterDiagnostics {
  const trace = new FactTrace();
  readThread(root, { ...options, trace });
  readThreadList(root, { ...options, trace });
  findReplyEditor(root, trace);
  return diagnosticsFromTrace(trace, countSelectors(root, S, OUTLOOK_COUNTED), OUTLOOK_ESSENTIAL_FACTS);
}

/** True when the page should show a conversation: the URL names one, or a message is shown. */
export function isThreadView(root: PageRoot, url: string): boolean {
  if (threadIdFromUrl(url)) return true;
  return conversationScope(root) !== null;
}

/** Cheap fingerprint of the view: URL id, selected conversation, number of message bodies and items, editor open. */
export function viewKey(root: PageRoot, url: string): string {
  const selected = root.querySelector(S.selectedConversation)?.getAttribute('data-convid') ?? '';
  const bodies = root.querySelectorAll(`${S.body}, ${S.bodyDocument}`).length;
  const pane = readingPane(root);
  const items = pane ? pane.querySelectorAll(S.message).length : 0;
  const editor = root.querySelector(S.editor) ? 1 : 0;
  return `${threadIdFromUrl(url) ?? ''}|${selected}|${bodies}|${items}|${editor}`;
}

/**
 * The narrowest element that changes when a conversation opens, switches or closes, or a row
 * arrives: the closest common container of the message list and the reading pane.
 */
export function watchRoot(root: PageRoot): Element | null {
  const pane = readingPane(root);
  const list = root.querySelector(S.list);
  if (!pane || !list) return pane ?? list;
  let common: Element | null = pane;
  while (common && !common.contains(list)) common = common.parentElement;
  return common;
}

/** The layout report of the page (structure, strategies, counts; no mail content), built when the user asks. */
export function layoutReport(root: Document, options: LayoutReportOptions = {}): string {
  return buildLayoutReport({
    host: 'outlook',
    area: watchRoot(root) ?? root.body,
    diagnostics: health(root, options),
    contentSelector: `${S.body}, ${S.bodyDocument}, ${S.bodyRegion}, ${S.editor}`,
    ...(options.url ? { url: options.url } : {}),
    ...(options.browser ? { browser: options.browser } : {}),
  });
}
