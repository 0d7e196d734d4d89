/**
 * "Copy a layout report": the structure of the page around the mail, for a bug report a developer
 * can turn into a fixture. It holds tag names, ARIA roles, attribute names, class names, counts and
 * the strategies the readers tried, and nothing a user wrote or received: no text, no attribute
 * value (ids appear only as the fixed shapes the readers look for), no address or id from the page
 * or its URL. Message bodies and editors are summarised (how many elements), never walked: their
 * markup is the sender's. Pure DOM, built only when the user asks for it.
 */
import type { MailHost } from '../cases/mail-thread';
import type { FactStatus, MailFact } from './strategy-chain';
import type { AdapterDiagnostics } from './types';

export interface LayoutReportInput {
  host: MailHost;
  /** The element around the mail (the main column, or list and reading pane); the page body when none. */
  area: Element;
  diagnostics: AdapterDiagnostics;
  /** Selector of elements whose inside is never walked (message bodies, editors). */
  contentSelector: string;
  /** The page address: only its shape is reported. */
  url?: string;
  /** The browser, e.g. navigator.userAgent. */
  browser?: string;
}

const FORMAT = 1;
const MAX_DEPTH = 60;
const MAX_LINES = 1500;

/** ARIA roles reported by value (any other value is the page's and reported as "?"). */
const ROLES = new Set(
  ('alert alertdialog application article banner button cell checkbox columnheader combobox complementary contentinfo dialog document feed figure form grid gridcell group heading img link list listbox listitem log main menu menubar menuitem menuitemcheckbox menuitemradio navigation none note option presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider spinbutton status switch tab table tablist tabpanel term textbox timer toolbar tooltip tree treegrid treeitem').split(' '),
);

/** Ids the readers look for, reported by their fixed shape (never the page's value). */
const ID_SHAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^UniqueMessageBody/, 'UniqueMessageBody…'],
  [/^ConversationReadingPaneContainer$/, 'ConversationReadingPaneContainer'],
  [/^ItemReadingPaneContainer$/, 'ItemReadingPaneContainer'],
  [/^MailList$/, 'MailList'],
  [/_SUBJECT$/, '…_SUBJECT'],
  [/_FROM$/, '…_FROM'],
  [/_(TO|CC)$/, '…_TO/CC'],
  [/divRplyFwdMsg$/, '…divRplyFwdMsg'],
  [/appendonsend$/, '…appendonsend'],
  [/Signature$/, '…Signature'],
  [/^mectrl_/, 'mectrl_…'],
  [/^O365_/, 'O365_…'],
];

/** Fixed words of mailbox addresses (folders, views): anything else in a URL is the user's. */
const URL_WORDS = new Set(
  'mail u b id deeplink read compose owa inbox starred snoozed sent sentitems drafts all spam junkemail trash deleteditems archive imp important scheduled chats category label search settings contacts'.split(' '),
);

/** A class token that names a host style, not data: short, no long digit runs, not a hex id. */
function hostClass(token: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]{0,24}$/.test(token) && !/\d{4,}/.test(token) && !/^[a-z]?[0-9a-f]{8,}$/i.test(token) && !token.startsWith('x_');
}

function idShape(id: string): string {
  for (const [pattern, shape] of ID_SHAPES) if (pattern.test(id)) return `#${shape}`;
  return '[id]';
}

/** One element without its children: tag, role, id shape, and (outside mail content) attribute names and host classes. */
function describe(el: Element, content = false): string {
  const parts = [el.tagName.toLowerCase()];
  const role = el.getAttribute('role');
  if (role !== null) parts.push(`[role=${role.split(/\s+/).every((r) => ROLES.has(r)) ? role : '?'}]`);
  const id = el.getAttribute('id');
  if (id !== null) parts.push(idShape(id));
  // A message body's own attributes and classes may come from the sender's markup: not reported.
  if (content) return parts.join(' ');
  const names = Array.from(el.attributes)
    .map((a) => a.name)
    .filter((name) => !['class', 'style', 'role', 'id'].includes(name) && /^[a-z_:][a-z0-9_:.-]*$/i.test(name))
    .sort();
  if (names.length > 0) parts.push(`[${names.join(' ')}]`);
  const classes = Array.from(el.classList).filter(hostClass);
  if (classes.length > 0) parts.push(`.${classes.join('.')}`);
  return parts.join(' ');
}

interface Walk {
  lines: number;
  content: string;
}

/** The outline of an element's subtree, one line per element, alike siblings folded ("×N"). */
function outline(el: Element, depth: number, walk: Walk): string[] {
  if (el.matches(walk.content)) return [`${describe(el, true)}  {content: ${el.getElementsByTagName('*').length} elements}`];
  const head = describe(el);
  if (depth >= MAX_DEPTH) return [`${head}  {${el.getElementsByTagName('*').length} elements deeper}`];
  const tag = el.tagName;
  if (tag === 'SVG' || tag === 'svg' || tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return [head];
  const out = [head];
  let previous: string[] | undefined;
  let repeats = 0;
  const flush = () => {
    if (!previous) return;
    previous[0] = repeats > 1 ? `${previous[0]}  ×${repeats}` : previous[0]!;
    for (const line of previous) out.push(`  ${line}`);
  };
  for (const child of Array.from(el.children)) {
    if (child.tagName.startsWith('CASELINE-')) continue;
    if (walk.lines > MAX_LINES) {
      out.push('  …');
      break;
    }
    const lines = outline(child, depth + 1, walk);
    if (previous && previous.join('\n') === lines.join('\n')) {
      repeats += 1;
      continue;
    }
    flush();
    previous = lines;
    repeats = 1;
    walk.lines += lines.length;
  }
  flush();
  return out;
}

/** The address without anything the user chose or received: fixed words kept, the rest "…", digits "N". */
export function urlShape(url: string | undefined): string {
  if (!url) return 'unknown';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unknown';
  }
  const shape = (segment: string) => (/^\d+$/.test(segment) ? 'N' : URL_WORDS.has(segment.toLowerCase()) ? segment.toLowerCase() : '…');
  const path = parsed.pathname.split('/').map((s) => (s === '' ? '' : shape(s))).join('/');
  const hash = parsed.hash.replace(/^#/, '').split('?')[0]!;
  const hashShape = hash ? `#${hash.split('/').map(shape).join('/')}` : '';
  const query = parsed.search ? ` ?${Array.from(parsed.searchParams.keys()).filter((k) => /^[A-Za-z]{1,12}$/.test(k)).join('&')}` : '';
  return `${parsed.protocol}//${parsed.hostname}${path}${hashShape}${query}`;
}

function factLine(fact: string, status: FactStatus): string {
  const by = status.answeredBy.length > 0 ? status.answeredBy.join(' + ') : '—';
  return `  ${fact.padEnd(12)} ${by.padEnd(40)} found ${status.found}, missing ${status.missing}; tried: ${status.tried.join(', ')}`;
}

/** The report as plain text. */
export function buildLayoutReport(input: LayoutReportInput): string {
  const doc = input.area.ownerDocument;
  const lang = doc.documentElement.getAttribute('lang') ?? '';
  const { diagnostics } = input;
  const lines = [
    `Caseline layout report (format ${FORMAT})`,
    `Host: ${input.host}`,
    `Address shape: ${urlShape(input.url)}`,
    `Interface language: ${/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang) ? lang : 'unknown'}`,
  ];
  if (input.browser) lines.push(`Browser: ${input.browser.replace(/[^\x20-\x7e]/g, '')}`);
  lines.push('', `Readable: ${diagnostics.ok ? 'yes' : 'no'}${diagnostics.missing.length > 0 ? `; not found: ${diagnostics.missing.join(', ')}` : ''}`);
  lines.push('', 'Facts (the strategy that answered, how often, the chain tried):');
  for (const [fact, status] of Object.entries(diagnostics.facts) as Array<[MailFact, FactStatus]>) lines.push(factLine(fact, status));
  lines.push('', 'Selector counts:', `  ${Object.entries(diagnostics.counts).map(([name, n]) => `${name}=${n}`).join(' ')}`);
  lines.push('', 'Structure around the mail (tags, roles, attribute names, classes; no texts or values; ×N: N alike siblings):');
  for (const line of outline(input.area, 0, { lines: 0, content: input.contentSelector })) lines.push(line);
  return `${lines.join('\n')}\n`;
}
