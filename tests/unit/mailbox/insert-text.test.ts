// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
import { blocksFromText, insertBlocks, insertText, type TemplateBlock } from '../../../utils/mailbox/insert-text';
import * as outlook from '../../../utils/mailbox/outlook';
import { GMAIL_REAL_THREAD_ID } from '../../fixtures/build/assembled-mailboxes';
import { loadFixture, loadHtml, type LoadedPage } from './load-page';

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

interface Seen { type: string; inputType: string; data: string | null }

function editorPage(content: string): { doc: Document; editor: HTMLElement; events: Seen[] } {
  page = loadHtml(`<!DOCTYPE html><html><body><p id="outside">Elsewhere</p><div id="ed" contenteditable="true" role="textbox">${content}</div></body></html>`, 'https://mail.google.com/mail/u/0/#inbox');
  const doc = page.document;
  const editor = doc.getElementById('ed')!;
  const events: Seen[] = [];
  for (const type of ['beforeinput', 'input']) {
    editor.addEventListener(type, (e) => {
      const ie = e as InputEvent;
      events.push({ type, inputType: ie.inputType, data: ie.data });
    });
  }
  return { doc, editor, events };
}

function caretAt(doc: Document, node: Node, offset: number): void {
  const range = doc.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  const sel = doc.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

/** Types text at the current caret the way a user would see it (to check where the caret was left). */
function caretOffsetText(doc: Document, editor: HTMLElement): string {
  const range = doc.getSelection()!.getRangeAt(0);
  const before = doc.createRange();
  before.setStart(editor, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return before.toString();
}

describe('insertText', () => {
  it('inserts at the caret when the selection is inside the editor, fires beforeinput and input, leaves the caret after the text', () => {
    const { doc, editor, events } = editorPage('Dear Ms Smith, thanks.');
    caretAt(doc, editor.firstChild!, 'Dear Ms Smith,'.length);
    const result = insertText(editor, ' we are on it');
    expect(editor.textContent).toBe('Dear Ms Smith, we are on it thanks.');
    expect(result).toEqual({ method: 'range', caretAtMarker: false });
    expect(events).toEqual([
      { type: 'beforeinput', inputType: 'insertText', data: ' we are on it' },
      { type: 'input', inputType: 'insertText', data: ' we are on it' },
    ]);
    expect(caretOffsetText(doc, editor)).toBe('Dear Ms Smith, we are on it');
    expect(doc.getElementById('outside')!.textContent).toBe('Elsewhere');
  });

  it('replaces a selected word, like typing over it', () => {
    const { doc, editor } = editorPage('Hello world');
    const range = doc.createRange();
    range.setStart(editor.firstChild!, 6);
    range.setEnd(editor.firstChild!, 11);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
    insertText(editor, 'Caseline');
    expect(editor.textContent).toBe('Hello Caseline');
  });

  it('inserts at the end (before the placeholder <br>) when the caret is elsewhere, lines as <br>', () => {
    const { doc, editor, events } = editorPage('<br>');
    caretAt(doc, doc.getElementById('outside')!.firstChild!, 2);
    insertText(editor, 'Line one\nLine two');
    expect(Array.from(editor.childNodes).map((n) => n.nodeName)).toEqual(['#text', 'BR', '#text', 'BR']);
    expect(editor.textContent).toBe('Line oneLine two');
    expect(events.map((e) => e.type)).toEqual(['beforeinput', 'input']);
    expect(events[1]!.data).toBe('Line one\nLine two');
    expect(caretOffsetText(doc, editor)).toBe('Line oneLine two');
  });

  it('stays above the signature and quoted mail when there is no caret (endBefore)', () => {
    const { editor } = editorPage('<div>Hi Jonas,</div><div><br></div><div id="Signature"><div>Kundenservice</div></div>');
    insertText(editor, 'we refunded you.', { endBefore: outlook.outlookSelectors.editorTail });
    expect(editor.children[1]!.textContent).toBe('we refunded you.');
    expect(editor.lastElementChild!.id).toBe('Signature');
    expect(editor.lastElementChild!.textContent).toBe('Kundenservice');
  });

  it('puts the caret at the {{cursor}} marker and does not write the marker', () => {
    const { doc, editor, events } = editorPage('');
    const result = insertText(editor, 'Your reference is {{cursor}}. Regards');
    expect(editor.textContent).toBe('Your reference is . Regards');
    expect(result.caretAtMarker).toBe(true);
    expect(caretOffsetText(doc, editor)).toBe('Your reference is ');
    expect(events[0]!.data).toBe('Your reference is . Regards');
  });

  it('builds nodes only: markup in the text stays text', () => {
    const { editor } = editorPage('');
    insertText(editor, '<img src=x onerror=alert(1)> & <b>bold</b>');
    expect(editor.querySelector('img, b')).toBeNull();
    expect(editor.textContent).toBe('<img src=x onerror=alert(1)> & <b>bold</b>');
  });

  it('uses the browser editing commands when they work (host undo), one command per piece', () => {
    const { doc, editor } = editorPage('');
    const calls: string[] = [];
    // happy-dom has no execCommand; this stands in for the browser's, which Chromium e2e tests exercise.
    (doc as unknown as { execCommand: (c: string, u: boolean, v?: string) => boolean }).execCommand = (command, _ui, value) => {
      calls.push(value === undefined ? command : `${command}:${value}`);
      return true;
    };
    expect(insertText(editor, 'Hello\nWorld').method).toBe('execCommand');
    expect(calls).toEqual(['insertText:Hello', 'insertLineBreak', 'insertText:World']);
  });

  it('falls back to Range insertion when the browser refuses the commands', () => {
    const { doc, editor, events } = editorPage('');
    (doc as unknown as { execCommand: () => boolean }).execCommand = () => false;
    expect(insertText(editor, 'Hello').method).toBe('range');
    expect(editor.textContent).toBe('Hello');
    expect(events.map((e) => e.type)).toEqual(['beforeinput', 'input']);
  });
});

describe('insertBlocks', () => {
  const template: TemplateBlock[] = [
    { kind: 'paragraph', runs: [{ kind: 'text', text: 'Dear Jonas,' }] },
    { kind: 'break' },
    {
      kind: 'paragraph',
      runs: [
        { kind: 'text', text: 'your case is ' },
        { kind: 'link', text: 'CL-2025-0042', href: 'https://status.example.com/CL-2025-0042' },
        { kind: 'text', text: '. Reply by {{cursor}}.' },
      ],
    },
    { kind: 'paragraph', runs: [{ kind: 'text', text: 'Bad link: ' }, { kind: 'link', text: 'click', href: 'javascript:alert(1)' }] },
  ];

  it('writes lines, empty lines and links as nodes, caret at the marker, events fired once', () => {
    const { doc, editor, events } = editorPage('<br>');
    const result = insertBlocks(editor, template);
    expect(result).toEqual({ method: 'range', caretAtMarker: true });
    const link = editor.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://status.example.com/CL-2025-0042');
    expect(link.textContent).toBe('CL-2025-0042');
    expect(editor.querySelectorAll('a')).toHaveLength(1);
    expect(editor.textContent).toBe('Dear Jonas,your case is CL-2025-0042. Reply by .Bad link: click');
    expect(editor.querySelectorAll('br')).toHaveLength(4);
    expect(caretOffsetText(doc, editor)).toBe('Dear Jonas,your case is CL-2025-0042. Reply by ');
    expect(events).toEqual([
      { type: 'beforeinput', inputType: 'insertFromPaste', data: 'Dear Jonas,\n\nyour case is CL-2025-0042. Reply by .\nBad link: click' },
      { type: 'input', inputType: 'insertFromPaste', data: 'Dear Jonas,\n\nyour case is CL-2025-0042. Reply by .\nBad link: click' },
    ]);
  });

  it('with editing commands, makes links with createLink (no HTML strings)', () => {
    const { doc, editor } = editorPage('');
    const calls: string[] = [];
    (doc as unknown as { execCommand: (c: string, u: boolean, v?: string) => boolean }).execCommand = (command, _ui, value) => {
      calls.push(value === undefined ? command : `${command}:${value}`);
      return true;
    };
    insertBlocks(editor, [{ kind: 'paragraph', runs: [{ kind: 'text', text: 'See ' }, { kind: 'link', text: 'status', href: 'https://status.example.com' }] }]);
    expect(calls).toEqual(['insertText:See ', 'insertText:status', 'createLink:https://status.example.com']);
  });

  it('blocksFromText turns plain text into lines and empty lines', () => {
    expect(blocksFromText('Hi,\n\nThanks')).toEqual([
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'Hi,' }] },
      { kind: 'break' },
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'Thanks' }] },
    ]);
  });
});

describe('insertion into the real Gmail editor inside the assembled thread', () => {
  it('writes into the open reply editor and nothing else changes', () => {
    page = loadFixture('gmail/assembled-thread.html', `https://mail.google.com/mail/u/0/#inbox/${GMAIL_REAL_THREAD_ID}`);
    const doc = page.document;
    const editor = gmail.findReplyEditor(doc)!;
    const outside = (): string[] => {
      const out: string[] = [];
      for (const el of Array.from(doc.body.querySelectorAll('*'))) {
        if (editor.contains(el)) continue;
        out.push(`${el.tagName}|${Array.from(el.attributes).map((a) => `${a.name}=${a.value}`).join(',')}|${Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')}`);
      }
      return out;
    };
    const before = outside();
    let inputs = 0;
    editor.addEventListener('input', () => (inputs += 1));
    insertText(editor, 'Dear Riya,\nthe Pune location can be requested now.', { endBefore: gmail.gmailSelectors.editorTail });
    expect(editor.textContent!.trim()).toBe('Dear Riya,the Pune location can be requested now.');
    expect(editor.querySelectorAll('br')).toHaveLength(2);
    expect(inputs).toBe(1);
    expect(outside()).toEqual(before);
    const thread = gmail.readThread(doc, { timeZone: 'Asia/Kolkata' })!;
    expect(thread.messages).toHaveLength(3);
  });
});
