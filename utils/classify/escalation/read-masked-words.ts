/**
 * Reads what a customer meant when a word is masked or misspelt on purpose: "f***ing", "f**k",
 * "sh!t", "a$$holes", "idi0ts", "m0ron", "fcuk", "fuuuuck", "f u c k", "f.u.c.k". The result is a
 * "reading" of the text in which such words are replaced by the word they stand for, plus a map
 * from every reading position back to the original text, so a flag can cite what was written.
 * Only words that read as one of the listed abusive words are replaced: "price*", "*really*",
 * "4x4" and "a.b.c." stay as they are.
 */

import { classifierWords } from '../classifier-data';
import type { ClassifierWordLists } from '../word-lists';

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'i', '+': 't', '€': 'e' };
const MASK = /[*#%_•.—–]/;

/** "fuuuuck" → "fuck", "shiiit" → "shit" (a letter repeated three or more times counts once). */
const squeeze = (w: string) => w.replace(/([a-z])\1{2,}/g, '$1');
const collapse = (w: string) => w.replace(/([a-z])\1+/g, '$1');

/**
 * The reader's tables, made from the word lists (word-lists.ts: the abusive words, their
 * variants, the contractions), provided with the classifier's data: made again only if other
 * lists are provided.
 */
interface ReaderTables {
  lists: ClassifierWordLists;
  /** The abusive words, in their listed order (the shortest that fits a mask wins; ties: the first). */
  abusive: readonly string[];
  words: ReadonlySet<string>;
  /**
   * Maps, not the lists' objects: a message word such as "constructor" or "__proto__" must not
   * find a member every object inherits.
   */
  variants: ReadonlyMap<string, string>;
  contractions: ReadonlyMap<string, string>;
  collapsed: ReadonlyMap<string, string>;
  /** Every abusive word with two adjacent letters swapped ("idoit", "fcuk"): a common way to dodge a filter. */
  swaps: ReadonlyMap<string, string>;
}

let madeTables: ReaderTables | undefined;

function readerTables(): ReaderTables {
  const lists = classifierWords().lists;
  if (madeTables?.lists === lists) return madeTables;
  const abusive = lists.abusiveWords;
  const words = new Set(abusive);
  const collapsed = new Map(abusive.map((w) => [collapse(w), w] as const));
  const swaps = new Map<string, string>();
  for (const w of abusive) {
    if (w.length < 4) continue;
    for (let i = 0; i + 1 < w.length; i++) {
      const swapped = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      if (swapped !== w && !words.has(swapped) && !swaps.has(swapped)) swaps.set(swapped, w);
    }
  }
  const variants = new Map(Object.entries(lists.abusiveVariants));
  const contractions = new Map(Object.entries(lists.contractions));
  madeTables = { lists, abusive, words, variants, contractions, collapsed, swaps };
  return madeTables;
}

/** A word with masked letters ("f**king", "b*stards", "c*nt") read against the list. */
function unmasked(token: string, abusive: readonly string[]): string | undefined {
  if (!/^[a-z]/.test(token) || !MASK.test(token)) return undefined;
  const parts = token.split(/([*#%_•.—–]+)/);
  let source = '^';
  for (const part of parts) {
    if (!part) continue;
    // One mask character may hide one letter ("f*ck") or, with a dash, several ("f—ing").
    if (MASK.test(part[0]!)) source += `[a-z]{1,${Math.max(part.length + 1, /[—–]/.test(part) ? 4 : 2)}}`;
    else source += part;
  }
  const re = new RegExp(`${source}$`);
  // The shortest listed word that fits: "f**k" reads as "fuck", not "fucker".
  let best: string | undefined;
  for (const w of abusive) if (re.test(w) && (!best || w.length < best.length)) best = w;
  return best;
}

/** The word a token stands for, or undefined when it is an ordinary word (or already plain). */
export function readToken(raw: string): string | undefined {
  const { variants, words, swaps, collapsed, abusive } = readerTables();
  const lower = raw.toLowerCase();
  const variant = variants.get(lower);
  if (variant) return variant;
  // A trailing '.' or '!' is punctuation, not a masked letter.
  const token = lower.replace(/[.!]+$/, '');
  if (/^[a-z']+$/.test(token)) {
    // Plain letters: a known misspelling, a swap, or a stretched word ("fuuuck", "ashole").
    const swapped = swaps.get(token);
    if (swapped) return swapped;
    if (!words.has(token) && /([a-z])\1/.test(token)) return collapsed.get(collapse(token)) ?? variants.get(squeeze(token));
    if (!words.has(token)) return collapsed.get(token) !== token ? collapsed.get(token) : undefined;
    return undefined;
  }
  let word = '';
  for (const ch of token) word += LEET[ch] ?? ch;
  if (!/^[a-z*#%_•.—–']+$/.test(word)) return undefined;
  const wordVariant = variants.get(word);
  if (wordVariant) return wordVariant;
  if (MASK.test(word)) return unmasked(word, abusive);
  if (words.has(word)) return word; // "sh!t", "idi0ts"
  return swaps.get(word) ?? collapsed.get(collapse(word));
}

export interface Reading {
  /** Lower case, typographic apostrophes folded, masked words read. */
  text: string;
  /** The original index of each reading position (length text.length + 1). */
  origin: number[];
}

/** Letters written apart to dodge a filter: "f u c k", "f.u.c.k", "s-h-i-t". */
const SPACED = /(?<![a-z0-9])[a-z](?:[ .\-_*][a-z]){2,6}(?![a-z0-9])/g;

/**
 * The reading of a text: the lower-cased text, except that masked, look-alike, stretched and
 * spaced words are replaced by the word they stand for; `origin` maps back to the original.
 */
export function readMaskedWords(original: string): Reading {
  const { words, variants, contractions, swaps, collapsed } = readerTables();
  const lower = original.toLowerCase();
  // toLowerCase keeps lengths for Latin scripts; fall back to the original case otherwise.
  const base = (lower.length === original.length ? lower : original).replace(/[’‘`´]/g, "'");
  const replacements: { start: number; end: number; text: string }[] = [];
  for (const m of base.matchAll(SPACED)) {
    const joined = m[0].replace(/[ .\-_*]/g, '');
    const word = words.has(joined) ? joined : variants.get(joined);
    if (word) replacements.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: word });
  }
  for (const m of base.matchAll(/[a-z0-9@$!|+€*#%_•.—–']+/g)) {
    const whole = m[0];
    // Most tokens are plain words: only a misspelling, a swap, a stretch or a contraction can change them.
    if (/^[a-z]+$/.test(whole) && !contractions.has(whole) && !swaps.has(whole) && !variants.has(whole) && !collapsed.has(whole) && !/([a-z])\1/.test(whole)) continue;
    const token = whole.replace(/^[.'!]+/, '').replace(/'s$/, '').replace(/[.!']+$/, '');
    if (token.length < 2 || !/[a-z]/.test(token)) continue;
    const read = contractions.get(token) ?? readToken(token);
    if (!read) continue;
    const start = (m.index ?? 0) + m[0].indexOf(token);
    const end = start + token.length;
    if (replacements.some((r) => r.start < end && start < r.end)) continue;
    replacements.push({ start, end, text: read });
  }
  if (replacements.length === 0) return { text: base, origin: Array.from({ length: base.length + 1 }, (_, i) => i) };
  replacements.sort((a, b) => a.start - b.start);
  let text = '';
  const origin: number[] = [];
  let at = 0;
  for (const r of replacements) {
    for (let i = at; i < r.start; i++) origin.push(i);
    text += base.slice(at, r.start);
    // Every letter of the reading points into the word as written.
    for (let i = 0; i < r.text.length; i++) origin.push(r.start + Math.min(i, r.end - r.start - 1));
    text += r.text;
    at = r.end;
  }
  for (let i = at; i <= base.length; i++) origin.push(i);
  text += base.slice(at);
  return { text, origin };
}
