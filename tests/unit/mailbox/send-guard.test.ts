/**
 * The warning before sending over a teammate's reply, on the real Gmail compose markup: the
 * host's Send button is found from a click inside it and from the editor (Ctrl+Enter); a send is
 * held while someone else replies, and "Send anyway" lets the same button through once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gmailAdapter } from '../../../utils/mailbox/gmail';
import { guardSends } from '../../../entrypoints/mailbox-content/send-guard';
import { loadFixture, type LoadedPage } from './load-page';
import { REAL_FIXTURES } from '../../fixtures/build/real-fragments';

let page: LoadedPage;
let host: HTMLElement;
beforeEach(() => {
  page = loadFixture(REAL_FIXTURES.gmailComposeDialog, 'https://mail.google.com/mail/u/0/#inbox?compose=new');
  host = page.document.createElement('caseline-sidebar');
  page.document.body.append(host);
});
afterEach(() => page.close());

describe('the Send button', () => {
  it('is found from inside it and from the editor of the same compose window', () => {
    const doc = page.document;
    const button = doc.querySelector<HTMLElement>('div[role="button"].aoO')!;
    expect(button).not.toBeNull();
    expect(gmailAdapter.sendButtonAt(button)).toBe(button);
    const editor = gmailAdapter.findReplyEditor(doc)!;
    expect(editor).not.toBeNull();
    expect(gmailAdapter.sendButtonFor(editor)).toBe(button);
    expect(gmailAdapter.sendButtonAt(editor)).toBeNull();
  });
});

describe('guarding sends', () => {
  it('holds the send and asks while a teammate replies; sends once when told to', () => {
    const doc = page.document;
    const button = doc.querySelector<HTMLElement>('div[role="button"].aoO')!;
    let sends = 0;
    button.addEventListener('click', () => (sends += 1));
    let replying: string | null = 'Ana (for 2 min) is writing a reply to this customer too. Send yours anyway?';
    const asked: string[] = [];
    const guard = guardSends(doc, gmailAdapter, host, () => replying, (t) => asked.push(t));

    button.click();
    expect(sends).toBe(0);
    expect(asked).toEqual([replying]);

    guard.sendAnyway();
    expect(sends).toBe(1);

    // Ctrl+Enter in the editor is held too, and sent through the compose window's button.
    const editor = gmailAdapter.findReplyEditor(doc)!;
    const view = doc.defaultView!;
    const keydown = new view.KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true });
    editor.dispatchEvent(keydown);
    expect(keydown.defaultPrevented).toBe(true);
    expect(asked).toHaveLength(2);
    guard.sendAnyway();
    expect(sends).toBe(2);

    // Nobody replying: nothing is held.
    replying = null;
    button.click();
    expect(sends).toBe(3);
    guard.stop();
  });
});
