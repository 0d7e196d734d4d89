/**
 * Writes into a host's reply editor (a contenteditable element): plain text, or a small formatted
 * template (lines of text and links). At the caret when the selection is inside the editor, else at
 * the end of the agent's part (above the quoted history / signature when a selector for it is given).
 *
 * Prefers document.execCommand (insertText, insertLineBreak, createLink): the host sees real editing
 * (its undo works, its beforeinput/input handlers run). Where execCommand is missing or refuses, it
 * builds nodes with createTextNode/createElement (never HTML strings: Gmail enforces Trusted Types),
 * inserts them with a Range and fires beforeinput/input itself so the host saves its draft.
 * A `{{cursor}}` marker in the text is not written: the caret is left there instead.
 */

export const CURSOR_MARKER = '{{cursor}}';

/** A piece of a template line. */
export type InlineRun =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'lineBreak' };

/** A template as a renderer produces it: each paragraph is one line (or several, with lineBreak); a break is an empty line. */
export type TemplateBlock = { kind: 'paragraph'; runs: InlineRun[] } | { kind: 'break' };

export interface InsertOptions {
  /**
   * Selector of editor content the end position stays above (host quoted history, signature),
   * e.g. gmailSelectors.editorTail; used only when the caret is not in the editor.
   */
  endBefore?: string;
}

export interface InsertResult {
  /** How the content was written: by the browser's editing commands or by Range insertion. */
  method: 'execCommand' | 'range';
  /** True when the text held a cursor marker and the caret was put there. */
  caretAtMarker: boolean;
}

type Op = { t: 'text'; s: string } | { t: 'link'; s: string; href: string } | { t: 'br' } | { t: 'cursor' };

/** Plain text → template blocks: one paragraph per line, empty lines as breaks. */
export function blocksFromText(text: string): TemplateBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line): TemplateBlock => (line === '' ? { kind: 'break' } : { kind: 'paragraph', runs: [{ kind: 'text', text: line }] }));
}

function textOps(text: string, out: Op[]): void {
  const parts = text.split(CURSOR_MARKER);
  parts.forEach((part, i) => {
    if (i > 0) out.push({ t: 'cursor' });
    const lines = part.replace(/\r\n?/g, '\n').split('\n');
    lines.forEach((line, j) => {
      if (j > 0) out.push({ t: 'br' });
      if (line) out.push({ t: 'text', s: line });
    });
  });
}

function blockOps(blocks: readonly TemplateBlock[]): Op[] {
  const ops: Op[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) ops.push({ t: 'br' });
    if (block.kind === 'break') return;
    for (const run of block.runs) {
      if (run.kind === 'lineBreak') ops.push({ t: 'br' });
      else if (run.kind === 'link' && safeHref(run.href)) ops.push({ t: 'link', s: run.text || run.href, href: run.href });
      else textOps(run.text, ops);
    }
  });
  return ops;
}

/** Only web, mail and phone links are written. */
export function safeHref(href: string): boolean {
  return /^(https?:|mailto:|tel:)/i.test(href.trim());
}

/** Inserts plain text (newlines become line breaks). */
export function insertText(editor: HTMLElement, text: string, options: InsertOptions = {}): InsertResult {
  const ops: Op[] = [];
  textOps(text, ops);
  return write(editor, ops, text.split(CURSOR_MARKER).join(''), options);
}

/** Inserts a formatted template: lines of text and links, empty lines between paragraphs as given. */
export function insertBlocks(editor: HTMLElement, blocks: readonly TemplateBlock[], options: InsertOptions = {}): InsertResult {
  const ops = blockOps(blocks);
  const plain = ops.map((op) => (op.t === 'text' || op.t === 'link' ? op.s : op.t === 'br' ? '\n' : '')).join('');
  return write(editor, ops, plain, options);
}

function selectionInside(editor: HTMLElement): Range | null {
  const selection = editor.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!editor.contains(range.startContainer) || !editor.contains(range.endContainer)) return null;
  return range;
}

/** Where the agent's part of the editor ends: before the quoted history/signature, or before a trailing <br>. */
function endRange(editor: HTMLElement, endBefore: string | undefined): Range {
  const range = editor.ownerDocument.createRange();
  let tail = endBefore ? editor.querySelector(endBefore) : null;
  while (tail && tail.parentNode !== editor) tail = tail.parentElement;
  if (tail) {
    // Stay inside the line above the tail when there is one.
    const previous = tail.previousSibling;
    if (previous && previous.nodeType === 1 && (previous as Element).tagName === 'DIV') return endOfLine(previous as Element, range);
    range.setStartBefore(tail);
    range.collapse(true);
    return range;
  }
  const last = editor.lastChild;
  if (last && last.nodeType === 1 && (last as Element).tagName === 'DIV' && (last as Element).childElementCount <= 1) return endOfLine(last as Element, range);
  return endOfLine(editor, range);
}

function endOfLine(line: Element, range: Range): Range {
  const last = line.lastChild;
  if (last && last.nodeType === 1 && (last as Element).tagName === 'BR') range.setStartBefore(last);
  else range.setStart(line, line.childNodes.length);
  range.collapse(true);
  return range;
}

function placeCaret(editor: HTMLElement, range: Range): void {
  const selection = editor.ownerDocument.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

function write(editor: HTMLElement, ops: Op[], plain: string, options: InsertOptions): InsertResult {
  const doc = editor.ownerDocument;
  const start = selectionInside(editor) ?? endRange(editor, options.endBefore);
  editor.focus();
  placeCaret(editor, start);

  if (typeof doc.execCommand === 'function') {
    const viaCommands = writeWithCommands(editor, ops);
    if (viaCommands) return viaCommands;
    // Nothing was written by commands (refused on the first one): start over with a Range.
    placeCaret(editor, start);
  }
  return writeWithRange(editor, ops, plain);
}

/** Writes with the browser's editing commands; null when the first command is refused. */
function writeWithCommands(editor: HTMLElement, ops: Op[]): InsertResult | null {
  const doc = editor.ownerDocument;
  let marker: Range | null = null;
  let first = true;
  for (const op of ops) {
    let ok = true;
    if (op.t === 'cursor') {
      marker = currentRange(editor)?.cloneRange() ?? null;
      continue;
    }
    if (op.t === 'text') ok = doc.execCommand('insertText', false, op.s);
    else if (op.t === 'br') ok = doc.execCommand('insertLineBreak', false) || doc.execCommand('insertText', false, '\n');
    else {
      const before = currentRange(editor)?.cloneRange();
      ok = doc.execCommand('insertText', false, op.s);
      const after = currentRange(editor);
      if (ok && before && after) {
        const linkRange = doc.createRange();
        linkRange.setStart(before.startContainer, before.startOffset);
        linkRange.setEnd(after.endContainer, after.endOffset);
        placeCaret(editor, linkRange);
        doc.execCommand('createLink', false, op.href);
        const end = currentRange(editor);
        if (end) {
          end.collapse(false);
          placeCaret(editor, end);
        }
      }
    }
    if (!ok && first) return null;
    first = false;
  }
  if (marker) placeCaret(editor, marker);
  return { method: 'execCommand', caretAtMarker: marker !== null };
}

function currentRange(editor: HTMLElement): Range | null {
  const selection = editor.ownerDocument.getSelection();
  return selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
}

function writeWithRange(editor: HTMLElement, ops: Op[], plain: string): InsertResult {
  const doc = editor.ownerDocument;
  const view = doc.defaultView;
  const InputEventCtor = view?.InputEvent ?? InputEvent;
  const inputType = ops.some((op) => op.t === 'link') ? 'insertFromPaste' : 'insertText';
  const range = currentRange(editor) ?? endRange(editor, undefined);

  // A synthetic beforeinput has no default action; it is fired so the host's listeners run.
  editor.dispatchEvent(new InputEventCtor('beforeinput', { bubbles: true, cancelable: true, composed: true, inputType, data: plain }));

  const fragment = doc.createDocumentFragment();
  let marker: Text | null = null;
  for (const op of ops) {
    if (op.t === 'text') fragment.appendChild(doc.createTextNode(op.s));
    else if (op.t === 'br') fragment.appendChild(doc.createElement('br'));
    else if (op.t === 'link') {
      const a = doc.createElement('a');
      a.setAttribute('href', op.href);
      a.appendChild(doc.createTextNode(op.s));
      fragment.appendChild(a);
    } else {
      marker = doc.createTextNode('');
      fragment.appendChild(marker);
    }
  }
  const lastNode = fragment.lastChild;
  if (!range.collapsed) range.deleteContents();
  range.insertNode(fragment);

  const caret = doc.createRange();
  if (marker) caret.setStart(marker, 0);
  else if (lastNode) caret.setStartAfter(lastNode);
  else caret.setStart(range.startContainer, range.startOffset);
  caret.collapse(true);
  placeCaret(editor, caret);

  editor.dispatchEvent(new InputEventCtor('input', { bubbles: true, composed: true, inputType, data: plain }));
  return { method: 'range', caretAtMarker: marker !== null };
}
