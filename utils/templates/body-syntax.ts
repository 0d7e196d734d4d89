/**
 * The template body mini-format, parsed once into a small tree. Plain text; paragraphs are
 * separated by blank lines; a single newline is a line break; `[text](address)` is a link whose
 * address is literal and must be http(s) or mailto; `{{name}}` is a placeholder; `{{cursor}}`
 * marks where the caret goes. Nothing else is markup: `<b>` or `*x*` are just characters.
 */

/** The placeholder that marks the caret rather than a value. */
export const CURSOR_PLACEHOLDER = 'cursor';

export type LabelPart = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

export type BodyInline =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: string }
  | { kind: 'cursor' }
  | { kind: 'break' }
  | { kind: 'link'; label: LabelPart[]; href: string };

export type BodyProblemCode =
  | 'malformed_placeholder'
  | 'invalid_link'
  | 'placeholder_in_link_address'
  | 'cursor_in_link'
  | 'several_cursors';

/** Something in the body that cannot be approved (it still renders, as literal text). */
export interface BodyProblem {
  code: BodyProblemCode;
  /** The offending source text, e.g. `[here](javascript:x)`. */
  source: string;
}

export interface ParsedBody {
  paragraphs: BodyInline[][];
  /** Every placeholder name, in order of first appearance, without `cursor`. */
  variables: string[];
  /** Placeholders inside link labels are included in `variables` too. */
  problems: BodyProblem[];
}

const NAME = '[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_]*)*';
/** A placeholder, a link, or a lone `{{` that starts no valid placeholder. */
/** A link address: no spaces; parentheses only in balanced pairs, one level deep (as in many wiki URLs). */
const HREF = '(?:[^\\s()]|\\([^\\s()]*\\))*';
const TOKEN = new RegExp(`\\{\\{\\s*(${NAME})\\s*\\}\\}|\\[([^\\[\\]\\n]*)\\]\\((${HREF})\\)|\\{\\{`, 'g');
const LABEL_PLACEHOLDER = new RegExp(`\\{\\{\\s*(${NAME})\\s*\\}\\}`, 'g');
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f]/;

/** Whether a link address may appear in a template: http(s) with a host, or mailto with an address. */
export function isAllowedHref(href: string): boolean {
  if (href === '' || CONTROL_OR_SPACE.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    return /^https?:\/\/[^/?#]/i.test(href) && url.hostname !== '';
  }
  if (url.protocol === 'mailto:') {
    const address = href.slice('mailto:'.length).split('?')[0] ?? '';
    return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponentSafe(address));
  }
  return false;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function parseLabel(label: string, variables: Set<string>, problems: BodyProblem[], source: string): LabelPart[] | null {
  const parts: LabelPart[] = [];
  let last = 0;
  LABEL_PLACEHOLDER.lastIndex = 0;
  for (let m = LABEL_PLACEHOLDER.exec(label); m; m = LABEL_PLACEHOLDER.exec(label)) {
    const name = m[1] ?? '';
    if (m.index > last) parts.push({ kind: 'text', text: label.slice(last, m.index) });
    if (name === CURSOR_PLACEHOLDER) {
      problems.push({ code: 'cursor_in_link', source });
      return null;
    }
    parts.push({ kind: 'variable', name });
    variables.add(name);
    last = m.index + m[0].length;
  }
  if (last < label.length) parts.push({ kind: 'text', text: label.slice(last) });
  if (parts.some((p) => p.kind === 'text' && p.text.includes('{{'))) {
    problems.push({ code: 'malformed_placeholder', source });
    return null;
  }
  return parts;
}

function pushText(out: BodyInline[], text: string): void {
  if (text === '') return;
  const prev = out[out.length - 1];
  if (prev && prev.kind === 'text') prev.text += text;
  else out.push({ kind: 'text', text });
}

function parseLine(line: string, out: BodyInline[], variables: Set<string>, problems: BodyProblem[], cursors: { count: number }): void {
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) {
    pushText(out, line.slice(last, m.index));
    last = m.index + m[0].length;
    const [source, name, label, href] = m;
    if (name !== undefined) {
      if (name === CURSOR_PLACEHOLDER) {
        cursors.count += 1;
        if (cursors.count > 1) problems.push({ code: 'several_cursors', source });
        out.push({ kind: 'cursor' });
      } else {
        variables.add(name);
        out.push({ kind: 'variable', name });
      }
    } else if (label !== undefined && href !== undefined) {
      if (label.trim() === '' || (!href.includes('{{') && !isAllowedHref(href))) {
        problems.push({ code: 'invalid_link', source });
        pushText(out, source);
      } else if (href.includes('{{')) {
        problems.push({ code: 'placeholder_in_link_address', source });
        pushText(out, source);
      } else {
        const parts = parseLabel(label, variables, problems, source);
        if (parts) out.push({ kind: 'link', label: parts, href });
        else pushText(out, source);
      }
    } else {
      // A `{{` that opens no valid placeholder: kept as text, flagged for approval.
      problems.push({ code: 'malformed_placeholder', source: line.slice(m.index, m.index + 24) });
      pushText(out, source);
    }
  }
  pushText(out, line.slice(last));
}

/** Parses a body. Never throws: anything malformed stays literal text and is listed in `problems`. */
export function parseBody(body: string): ParsedBody {
  const variables = new Set<string>();
  const problems: BodyProblem[] = [];
  const cursors = { count: 0 };
  const paragraphs: BodyInline[][] = [];
  const normalised = body.replace(/\r\n?/g, '\n');
  for (const chunk of normalised.split(/\n(?:[ \t]*\n)+/)) {
    const lines = chunk.split('\n').map((l) => l.trimEnd());
    while (lines.length > 0 && lines[0] === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) continue;
    const out: BodyInline[] = [];
    lines.forEach((line, i) => {
      if (i > 0) out.push({ kind: 'break' });
      parseLine(line, out, variables, problems, cursors);
    });
    paragraphs.push(out);
  }
  return { paragraphs, variables: [...variables], problems };
}

const cache = new Map<string, ParsedBody>();
const CACHE_LIMIT = 512;

/** Empties the memo ("Erase everything" leaves no template text in memory). */
export function clearParsedBodies(): void {
  cache.clear();
}

/** `parseBody` with a small memo: the same bodies are rendered again and again. Treat as read-only. */
export function parseBodyCached(body: string): ParsedBody {
  let parsed = cache.get(body);
  if (!parsed) {
    parsed = parseBody(body);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(body, parsed);
  }
  return parsed;
}
