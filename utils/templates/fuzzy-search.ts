/**
 * Fuzzy search for the keyboard palette: the query's characters must appear in order (a
 * subsequence) in the template's name, shortcut or stage; matches at word starts and runs of
 * consecutive characters score higher. Case and accents are ignored ("reclamacion" finds
 * "Reclamación"). Each template's prepared form is cached, so typing re-scores quickly.
 */
import { insertableTemplates } from './approval';
import type { Template } from './types';

export type FuzzyField = 'name' | 'shortcut' | 'stage';

export interface FuzzyResult {
  template: Template;
  /** Higher is better; 0 for every template when the query is empty. */
  score: number;
  /** Indices (UTF-16) in `template.name` of the matched characters, for highlighting; empty when the best match was not in the name. */
  matches: number[];
  /** Where the best match was found. */
  field: FuzzyField;
}

export interface FuzzySearchOptions {
  /** At most this many results. */
  limit?: number;
  /** Search drafts and retired templates too (the options page); the palette leaves this off. */
  includeUnapproved?: boolean;
}

const MATCH = 16;
const WORD_START = 10;
const STRING_START = 4;
const CONSECUTIVE = 8;
const GAP = 1;
const MAX_LEAD_PENALTY = 6;
const SHORTCUT_EXACT = 200;
const PREFIX = 12;
const NEG = -1_000_000_000;
/** Longer strings are cut for scoring: the palette shows names, not essays. */
const MAX_HAYSTACK = 256;
const MAX_QUERY = 64;

interface PreparedField {
  folded: string;
  bonus: number[];
}

interface Prepared {
  name: PreparedField;
  shortcut: PreparedField | null;
  stage: PreparedField;
  /** The source strings, to notice a template changed in place. */
  source: { name: string; shortcut: string | undefined; stage: string };
}

const foldedChars = new Map<string, string>();

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  let f = foldedChars.get(c);
  if (f === undefined) {
    const stripped = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const lower = c.toLowerCase();
    f = stripped.length === 1 ? stripped : lower.length === 1 ? lower : c;
    if (foldedChars.size < 4096) foldedChars.set(c, f);
  }
  return f;
}

const ASCII_ONLY = /^[ -~]*$/;

/** Lowercase, accents removed, one character for one character (so indices stay valid). */
export function foldForSearch(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  // Joined, not concatenated: a flat string keeps charCodeAt fast in the scoring loop.
  const out = new Array<string>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = foldChar(s.charAt(i));
  return out.join('');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function isAlnumAt(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(s.charAt(i));
}
function isUpperAt(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code < 128) return code >= 65 && code <= 90;
  const c = s.charAt(i);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function prepareField(raw: string): PreparedField {
  const s = raw.length > MAX_HAYSTACK ? raw.slice(0, MAX_HAYSTACK) : raw;
  // A plain array: thousands of tiny typed arrays cost more to allocate than they save.
  const bonus: number[] = [];
  let prevAlnum = false;
  for (let i = 0; i < s.length; i++) {
    const alnum = isAlnumAt(s, i);
    if (i === 0) bonus.push(WORD_START + STRING_START);
    else if (alnum && (!prevAlnum || (isUpperAt(s, i) && !isUpperAt(s, i - 1)))) bonus.push(WORD_START);
    else bonus.push(0);
    prevAlnum = alnum;
  }
  return { folded: foldForSearch(s), bonus };
}

const preparedCache = new WeakMap<Template, Prepared>();

const stageFields = new Map<string, PreparedField>();

function prepare(t: Template): Prepared {
  let p = preparedCache.get(t);
  if (!p || p.source.name !== t.name || p.source.shortcut !== t.shortcut || p.source.stage !== t.stage) {
    let stage = stageFields.get(t.stage);
    if (!stage) {
      stage = prepareField(t.stage.replace(/_/g, ' '));
      stageFields.set(t.stage, stage);
    }
    p = {
      name: prepareField(t.name),
      shortcut: t.shortcut ? prepareField(t.shortcut) : null,
      stage,
      source: { name: t.name, shortcut: t.shortcut, stage: t.stage },
    };
    preparedCache.set(t, p);
  }
  return p;
}

let scoreBuf = new Int32Array(1024);
let fromBuf = new Int32Array(1024);

function isSubsequence(q: string, h: string): boolean {
  let j = 0;
  for (let i = 0; i < q.length; i++) {
    j = h.indexOf(q.charAt(i), j);
    if (j < 0) return false;
    j++;
  }
  return true;
}

/**
 * Best alignment of `q` in `field` (dynamic programming over query × haystack), or null when `q`
 * is not a subsequence. Returns the score and matched indices.
 */
function scoreField(q: string, field: PreparedField, wantIndices: boolean): { score: number; indices: number[] } | null {
  const h = field.folded;
  const m = q.length;
  const n = h.length;
  if (m === 0 || m > n || !isSubsequence(q, h)) return null;
  if (scoreBuf.length < m * n) {
    scoreBuf = new Int32Array(m * n * 2);
    fromBuf = new Int32Array(m * n * 2);
  }
  const S = scoreBuf;
  const F = fromBuf;
  for (let i = 0; i < m; i++) {
    const qc = q.charCodeAt(i);
    const row = i * n;
    const prevRow = row - n;
    let run = NEG;
    let runFrom = -1;
    for (let j = 0; j < n; j++) {
      if (i > 0 && j > 0) {
        // The best earlier match of the previous query character, with the gap cost so far.
        const candidate = S[prevRow + j - 1] ?? NEG;
        if (run - GAP >= candidate) run -= GAP;
        else {
          run = candidate;
          runFrom = j - 1;
        }
      }
      if (h.charCodeAt(j) !== qc) {
        S[row + j] = NEG;
        continue;
      }
      const bonus = (field.bonus[j] ?? 0) + MATCH;
      if (i === 0) {
        S[row + j] = bonus - Math.min(j, MAX_LEAD_PENALTY);
        F[row + j] = -1;
        continue;
      }
      const adjacent = j > 0 ? (S[prevRow + j - 1] ?? NEG) : NEG;
      const viaAdjacent = adjacent > NEG ? adjacent + CONSECUTIVE : NEG;
      if (viaAdjacent >= run && viaAdjacent > NEG) {
        S[row + j] = viaAdjacent + bonus;
        F[row + j] = j - 1;
      } else if (run > NEG / 2) {
        S[row + j] = run + bonus;
        F[row + j] = runFrom;
      } else {
        S[row + j] = NEG;
      }
    }
  }
  let best = NEG;
  let bestJ = -1;
  const last = (m - 1) * n;
  for (let j = 0; j < n; j++) {
    const s = S[last + j] ?? NEG;
    if (s > best) {
      best = s;
      bestJ = j;
    }
  }
  if (bestJ < 0 || best <= NEG / 2) return null;
  const indices: number[] = [];
  if (wantIndices) {
    let j = bestJ;
    for (let i = m - 1; i >= 0 && j >= 0; i--) {
      indices.push(j);
      j = F[i * n + j] ?? -1;
    }
    indices.reverse();
  }
  if (h.startsWith(q)) best += PREFIX;
  return { score: best, indices };
}

/**
 * Ranks templates against a palette query, best first. Only insertable templates are searched
 * unless `includeUnapproved`. An empty query lists every template by name with score 0.
 */
export function fuzzySearch(templates: readonly Template[], query: string, options: FuzzySearchOptions = {}): FuzzyResult[] {
  const pool = options.includeUnapproved ? templates : insertableTemplates(templates);
  const q = foldForSearch(query.replace(/\s+/g, '')).slice(0, MAX_QUERY);
  let results: FuzzyResult[];
  if (q === '') {
    results = pool.map((template) => ({ template, score: 0, matches: [], field: 'name' as const }));
  } else {
    results = [];
    for (const template of pool) {
      const p = prepare(template);
      let bestScore = NEG;
      let field: FuzzyField = 'name';
      let matches: number[] = [];
      const name = scoreField(q, p.name, true);
      if (name) {
        bestScore = name.score;
        matches = name.indices;
      }
      if (p.shortcut) {
        const sc = scoreField(q, p.shortcut, false);
        if (sc) {
          const s = sc.score + (p.shortcut.folded === q ? SHORTCUT_EXACT : 0);
          if (s > bestScore) {
            bestScore = s;
            field = 'shortcut';
            matches = [];
          }
        }
      }
      const st = scoreField(q, p.stage, false);
      if (st) {
        const s = Math.round(st.score * 0.75);
        if (s > bestScore) {
          bestScore = s;
          field = 'stage';
          matches = [];
        }
      }
      if (bestScore > NEG) results.push({ template, score: bestScore, matches, field });
    }
  }
  results.sort((a, b) => b.score - a.score || a.template.name.length - b.template.name.length || (a.template.name < b.template.name ? -1 : a.template.name > b.template.name ? 1 : 0));
  return options.limit !== undefined ? results.slice(0, Math.max(0, options.limit)) : results;
}

/**
 * Prepares templates for search ahead of time (e.g. when the library loads, in an idle callback),
 * so the palette's first keystroke costs what later ones do.
 */
export function warmFuzzySearch(templates: readonly Template[]): void {
  for (const t of templates) prepare(t);
}
