/**
 * Renders a template body with values into paragraphs of runs (for the rich editor, built with
 * DOM text nodes) and into plain text (for plain editors and the clipboard). Values are TEXT: a
 * value holding `[x](y)`, `{{…}}` or `<b>` appears literally and can never become a link, a
 * placeholder or markup.
 */
import { parseBodyCached } from './body-syntax';
import type { BodyInline, LabelPart } from './body-syntax';
import type { Template, TemplateBlock, TemplateRun } from './types';
import { hasValue } from './variables';

export { formatDay, formatDue } from './format-date';

export interface RenderedTemplate {
  blocks: TemplateBlock[];
  /** Plain text: paragraphs split by a blank line, breaks as newlines, links as `text (address)`. */
  text: string;
  /** Placeholders without a value, in order of appearance (they render as literal `{{name}}`). */
  missing: string[];
  /** Offset in `text` of the caret marker, or null when the template has none. */
  cursor: number | null;
}

/** Line breaks inside a value become spaces and control characters are dropped: a value is one run of text. */
function valueAsText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?|\n|\u2028|\u2029/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function pushText(runs: TemplateRun[], text: string): void {
  if (text === '') return;
  const prev = runs[runs.length - 1];
  if (prev && prev.kind === 'text') prev.text += text;
  else runs.push({ kind: 'text', text });
}

/** How a link reads in plain text: the address in brackets unless the words already are the address. */
export function linkAsText(text: string, href: string): string {
  const shown = href.startsWith('mailto:') ? href.slice('mailto:'.length) : href;
  return text === href || text === shown ? text : `${text} (${shown})`;
}

/**
 * Fills `template` with `values`. Missing placeholders are reported in `missing` and stay visible as
 * `{{name}}` so nothing is silently dropped; only the first `{{cursor}}` counts.
 */
export function renderTemplate(template: Pick<Template, 'body'>, values: Readonly<Record<string, string | undefined>>): RenderedTemplate {
  const parsed = parseBodyCached(template.body);
  const missing: string[] = [];
  const fill = (name: string): string => {
    if (hasValue(values, name)) return valueAsText(values[name] as string);
    if (!missing.includes(name)) missing.push(name);
    return `{{${name}}}`;
  };
  const labelText = (label: LabelPart[]): string => label.map((p) => (p.kind === 'text' ? p.text : fill(p.name))).join('');

  const blocks: TemplateBlock[] = [];
  let text = '';
  let cursor: number | null = null;
  for (const paragraph of parsed.paragraphs) {
    if (blocks.length > 0) text += '\n\n';
    const runs: TemplateRun[] = [];
    for (const node of paragraph as readonly BodyInline[]) {
      switch (node.kind) {
        case 'text':
          pushText(runs, node.text);
          text += node.text;
          break;
        case 'variable': {
          const v = fill(node.name);
          pushText(runs, v);
          text += v;
          break;
        }
        case 'break':
          runs.push({ kind: 'break' });
          text += '\n';
          break;
        case 'cursor':
          if (cursor === null) {
            cursor = text.length;
            runs.push({ kind: 'cursor' });
          }
          break;
        case 'link': {
          const words = labelText(node.label);
          runs.push({ kind: 'link', text: words, href: node.href });
          text += linkAsText(words, node.href);
          break;
        }
      }
    }
    blocks.push({ kind: 'paragraph', runs });
  }
  return { blocks, text, missing, cursor };
}
