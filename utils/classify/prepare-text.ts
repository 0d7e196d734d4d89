/**
 * Turns a raw mail body (plain text or HTML) into the customer's newest message only: markup and
 * entities decoded, quoted history, forwarded headers, signatures and legal disclaimers removed.
 * Only this text decides the label and the escalation flags. The words and phrases of the patterns
 * (languages' "wrote", header fields, sign-offs, greetings …) are data (phrase-lists.ts), provided
 * with the classifier's data; the patterns are built from them the first time text is prepared.
 */

import { classifierPhrases } from './classifier-data';
import type { ClassifierPhraseLists } from './phrase-lists';

/** Prepared text longer than this is cut (a 1 MB body must not stall the background). */
export const MAX_PREPARED_CHARS = 20_000;
/** Raw input beyond this is never looked at (HTML of a long thread can be huge). */
const MAX_RAW_CHARS = 400_000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', euro: '€', pound: '£', copy: '©', reg: '®',
  trade: '™', zwnj: '', zwj: '', shy: '', bull: '•', middot: '·', eacute: 'é', egrave: 'è',
  agrave: 'à', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', ccedil: 'ç',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const looksLikeHtml = (text: string) => /<\/?(?:p|div|br|span|html|body|table|td|blockquote|a|b|i|font|ul|li)\b[^>]*>/i.test(text);

/** HTML to plain text: blocks become line breaks, quoted blocks and non-content elements go. */
function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    // Gmail and Outlook wrap earlier messages in these: drop them with their content.
    .replace(/<blockquote\b[\s\S]*?<\/blockquote\s*>/gi, '\n')
    .replace(/<div\b[^>]*class="?[^">]*gmail_quote[\s\S]*$/i, '\n')
    .replace(/<div\b[^>]*id="?(?:appendonsend|divRplyFwdMsg)[\s\S]*$/i, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|li|tr|h[1-6]|table)\s*>/gi, '\n')
    .replace(/<(?:p|div|li|tr|h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]{0,2000}>/g, ' ');
}

/** A word with its first letter in either case, for patterns that must stay case-sensitive. */
const anyCase = (word: string) => `[${word[0]!.toUpperCase()}${word[0]!}]${word.slice(1)}`;

/** The patterns of this file; made again only if other phrase lists are provided. */
interface PreparePatterns {
  lists: ClassifierPhraseLists;
  /** A line that opens quoted history: everything from it on is older mail. */
  historyStart: RegExp[];
  /** Outlook-style header block: "From:" followed within a few lines by "Sent:"/"Date:" etc. */
  headerFrom: RegExp;
  headerNext: RegExp;
  signatureStart: RegExp[];
  disclaimerStart: RegExp;
  /** Sign-offs: the name and contact lines after them are not part of the message. */
  signOff: RegExp;
  /**
   * An opening salutation on a line of its own ("Hi team," "Dear Sir or Madam," "Good morning
   * Sarah,", "To whom it may concern:") says nothing about the request. Only fillers and capitalised
   * names may follow the greeting, so "Hi, I can't log in" is kept.
   */
  salutation: RegExp;
}

let made: PreparePatterns | undefined;

function patterns(): PreparePatterns {
  const lists = classifierPhrases();
  if (made?.lists === lists) return made;
  const any = (list: readonly string[]) => `(?:${list.join('|')})`;
  const lineStart = (source: string) => new RegExp(`^\\s*${source}`, 'i');
  made = {
    lists,
    historyStart: [
      new RegExp(`^\\s*on\\b.{0,200}\\b${any(lists.wroteVerbs)}\\s*:?\\s*$`, 'i'), // Gmail, Apple Mail
      /^\s*am\b.{0,200}\bschrieb.{0,80}:\s*$/i,
      /^\s*le\b.{0,200}\ba écrit\s*:\s*$/i,
      new RegExp(`^\\s*-{2,}\\s*${any(lists.quoteSeparators)}\\s*-{2,}\\s*$`, 'i'),
      new RegExp(`^\\s*${any(lists.forwardOpeners)}\\s*:?\\s*$`, 'i'),
      /^\s*_{8,}\s*$/, // Outlook's rule above the reply header
    ],
    headerFrom: new RegExp(`^\\s*\\*?${any(lists.headerFromFields)}\\s*:\\*?\\s+\\S`, 'i'),
    headerNext: new RegExp(`^\\s*\\*?${any(lists.headerNextFields)}\\s*:`, 'i'),
    // First the standard delimiter "-- ".
    signatureStart: [/^--\s*$/, ...lists.signatureStarts.map(lineStart)],
    disclaimerStart: lineStart(any(lists.disclaimerStarts)),
    signOff: new RegExp(`^\\s*${any(lists.signOffs)}[,.!]*\\s*$`, 'i'),
    salutation: new RegExp(
      `^\\s*(?:${any(lists.greetingWords.map(anyCase))}(?:[ ,/]+(?:${lists.greetingFillers.map(anyCase).join('|')}|[A-Z][\\w.'-]*)){0,5}|[Tt]o whom it may concern)\\s*[,:!.]?[ \\t]*(?:\\n|$)`,
    ),
  };
  return made;
}

/** Cuts quoted history, signatures and disclaimers from plain text (lines). */
function keepNewestMessage(text: string, p: PreparePatterns): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (p.historyStart.some((re) => re.test(line))) break;
    // Gmail sometimes breaks "On …, X <x@y> wrote:" over two lines.
    if (/^\s*on\b.{0,200}$/i.test(line) && /^.{0,120}\bwrote\s*:\s*$/i.test(lines[i + 1] ?? '') && line.length < 200) break;
    if (p.headerFrom.test(line)) {
      const next = lines.slice(i + 1, i + 5);
      if (next.some((l) => p.headerNext.test(l))) break;
    }
    if (p.signatureStart.some((re) => re.test(line))) break;
    if (p.disclaimerStart.test(line)) break;
    if (/^\s*>/.test(line)) continue; // quoted lines interleaved with the reply
    kept.push(line);
  }
  return kept.join('\n');
}

/** Sign-offs: the name and contact lines after them are not part of the message. */
function dropTrailingSignOff(text: string, signOff: RegExp): string {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 12); i--) {
    if (signOff.test(lines[i] ?? '')) {
      // Keep the sign-off word itself only if what follows it is short (a name, a phone number).
      const rest = lines.slice(i + 1).join(' ').trim();
      if (rest.length <= 300) return lines.slice(0, i).join('\n');
    }
  }
  return text;
}

export interface PrepareOptions {
  /**
   * Keep the opening salutation ("Dear Chief Executive,", "Dear Mr Berg,"): the label does not
   * depend on it, but a formal letter to an executive is an escalation (procedure 004), and the
   * escalation reader needs to see who the letter is addressed to.
   */
  keepSalutation?: boolean;
}

/** Removes the opening salutation line from text that was prepared with `keepSalutation`. */
export function dropSalutation(prepared: string): string {
  return prepared.replace(patterns().salutation, '').replace(/^\s+/, '');
}

export function prepareText(raw: string, options: PrepareOptions = {}): string {
  if (!raw) return '';
  const p = patterns();
  let text = raw.length > MAX_RAW_CHARS ? raw.slice(0, MAX_RAW_CHARS) : raw;
  text = text.replace(/\r\n?/g, '\n');
  if (looksLikeHtml(text)) text = htmlToText(text);
  text = decodeEntities(text)
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\u00a0/g, ' ');
  text = keepNewestMessage(text, p);
  text = dropTrailingSignOff(text, p.signOff);
  text = text.replace(/^\s+/, '');
  if (!options.keepSalutation) text = text.replace(p.salutation, '');
  text = text
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length > MAX_PREPARED_CHARS) text = text.slice(0, MAX_PREPARED_CHARS);
  return text;
}
