/** What a host adapter is: how it reads a page into the domain's thread snapshot (utils/cases/mail-thread). */
import type { MailHost, ThreadListRow, ThreadSnapshot } from '../cases/mail-thread';
import type { FactStatus, FactTrace, MailFact } from './strategy-chain';

export interface AdapterHealth {
  /** False when a fact the sidebar cannot do without (thread id, messages, senders) was not found. */
  ok: boolean;
  /** Facts of the open thread no strategy found, most important first. */
  missing: MailFact[];
}

/** Selector names with how many elements each matched: diagnostics the sidebar can copy (no mail content). */
export type SelectorCounts = Record<string, number>;

export interface AdapterDiagnostics extends AdapterHealth {
  /** Every checked selector name (keys of the host's selectors.ts) with its number of matches. */
  counts: SelectorCounts;
  /** For each fact looked for: which strategies answered, how often, and the whole chain tried. */
  facts: Partial<Record<MailFact, FactStatus>>;
}

/** How a reader interprets what the page prints. */
export interface ReadOptions {
  /** IANA zone the page prints times in (the viewer's zone); default: the runtime's zone. */
  timeZone?: string;
  /** Page address: a fallback for the thread id when the page markup lacks it. */
  url?: string;
  /** Reference instant for dates printed without a day or year ("15:14"). */
  now?: Date;
  /** Page language (default: the document's lang attribute): decides 8/5/2025 vs 5.8.2025. */
  locale?: string;
  /** Records which strategy answered each fact (health() and the layout report use it). */
  trace?: FactTrace;
}

/** Options of a layout report: how to read the page, and the browser to name. */
export interface LayoutReportOptions extends ReadOptions {
  browser?: string;
}

/** What each host adapter (utils/mailbox/gmail, utils/mailbox/outlook) exports. */
export interface MailboxAdapter {
  host: MailHost;
  readThread(root: Document | Element, options?: ReadOptions): ThreadSnapshot | null;
  readThreadList(root: Document | Element, options?: ReadOptions): ThreadListRow[];
  findReplyEditor(root: Document | Element): HTMLElement | null;
  openReplyEditor(root: Document | Element): HTMLElement | null;
  /** Which facts of the open thread no strategy found, which strategy answered the others, and selector counts. */
  health(root: Document | Element, options?: ReadOptions): AdapterDiagnostics;
  /** The layout report: the structure around the mail and the strategies tried, with no text, address or id from the page. */
  layoutReport(root: Document, options?: LayoutReportOptions): string;
  threadIdFromUrl(url: string): string | undefined;
  isThreadView(root: Document | Element, url: string): boolean;
  /** Cheap fingerprint of what is on screen (thread id, message count): changes when a refresh is due. */
  viewKey(root: Document | Element, url: string): string;
  /** The narrowest element that changes when a thread opens, switches or closes (for watchThread). */
  watchRoot(root: Document | Element): Element | null;
  /** The address that opens a thread, from the current address. */
  threadUrl(threadId: string, currentUrl: string): string;
  /** The element of a list row where a chip goes, by the row's thread id. */
  listRowAnchor(root: Document | Element, threadId: string): Element | null;
  /** Selector of editor content inserted text stays above when there is no caret (signature, quote). */
  editorTail: string;
  /** The Send button an event target is on, or null (to warn before sending over a teammate's reply). */
  sendButtonAt(target: Element): HTMLElement | null;
  /** The Send button of the reply an editor belongs to, or null. */
  sendButtonFor(editor: Element): HTMLElement | null;
}
