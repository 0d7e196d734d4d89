/**
 * The newest content of a message body as plain text: quoted history left out, one line per line
 * the page shows (block edges and <br> end lines), at most one empty line in a row, spaces
 * collapsed. Reads the data of text nodes only (never markup).
 */

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED_TAGS = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);

export interface QuoteRules {
  /** Elements whose content is quoted history (dropped, the text after them is kept). */
  quote: string;
  /** Elements where quoted history starts: they and everything after them are dropped. */
  quoteStart?: string;
}

/** Plain newest text of a message body element. */
export function readNewestText(body: Element, rules: QuoteRules): string {
  const skipped = new Set<Element>(body.querySelectorAll(rules.quote));
  const stops = rules.quoteStart ? new Set<Element>(body.querySelectorAll(rules.quoteStart)) : new Set<Element>();
  const out: string[] = [];
  let stopped = false;
  // True when the text so far ends a line: block edges then add no further line.
  let atLineStart = true;
  const blockEdge = (): void => {
    if (!atLineStart) out.push('\n');
    atLineStart = true;
  };

  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && !stopped; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = (child as Text).data.replace(/\s+/g, ' ');
        out.push(text);
        if (text !== ' ' && text !== '') atLineStart = false;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (stops.has(el)) {
        stopped = true;
        return;
      }
      if (skipped.has(el) || SKIPPED_TAGS.has(el.tagName) || isHiddenInline(el)) continue;
      if (el.tagName === 'BR') {
        out.push('\n');
        atLineStart = true;
        continue;
      }
      const block = BLOCKS.has(el.tagName);
      if (block) blockEdge();
      else if (el.tagName === 'TD' || el.tagName === 'TH') out.push(' ');
      walk(el);
      if (block) blockEdge();
    }
  };
  walk(body);
  return tidyText(out.join(''));
}

function isHiddenInline(el: Element): boolean {
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none/i.test(style);
}

/** Collapses spaces inside lines, trims lines, keeps at most one empty line between paragraphs. */
export function tidyText(raw: string): string {
  const lines = raw
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const clean = line.replace(/[ \t\f\r\v]+/g, ' ').trim();
    if (clean === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(clean);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

/** Text of an element with whitespace collapsed to single spaces (for names, subjects, dates). */
export function readLabel(el: Element | null | undefined): string {
  if (!el) return '';
  return (el.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
