/** Loads fixture markup into its own happy-dom window, at the URL the page would have. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { FIXTURES_DIR } from '../../fixtures/build/real-fragments';

export interface LoadedPage {
  window: Window;
  document: Document;
  url: string;
  close: () => Promise<void>;
}

export function loadHtml(markup: string, url: string): LoadedPage {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  replaceDocument(window, markup);
  return { window, document: window.document as unknown as Document, url, close: () => window.happyDOM.close() };
}

/** Puts parsed markup in place of the window's document element (keeps the window, its URL and events). */
export function replaceDocument(window: Window, markup: string): void {
  const parsed = new window.DOMParser().parseFromString(markup, 'text/html');
  const doc = window.document;
  const next = doc.adoptNode(parsed.documentElement);
  doc.removeChild(doc.documentElement);
  doc.appendChild(next);
}

export function loadFixture(relative: string, url: string): LoadedPage {
  return loadHtml(readFileSync(join(FIXTURES_DIR, relative), 'utf8'), url);
}

export const GMAIL_INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';
export const OUTLOOK_INBOX_URL = 'https://outlook.office.com/mail/inbox';
