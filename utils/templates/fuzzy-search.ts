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
  bonus: Int8Array;
}

interface Prepared {
  name: PreparedField;
  shortcut: PreparedField | null;
  stage: PreparedField;
  key: string;
}

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  const stripped = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (stripped.length === 1) return stripped;
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower : c;
}

/** Lowercase, accents removed, one character for one character (so indices stay valid). */
export function foldForSearch(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldChar(s.charAt(i));
  return out;
}

const isAlnum = (c: string) => /[\p{L}\p{N}]/u.test(c);
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

function prepareField(raw: string): PreparedField {
  const s = raw.length > MAX_HAYSTACK ? raw.slice(0, MAX_HAYSTACK) : raw;
  const bonus = new Int8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const prev = i > 0 ? s.charAt(i - 1) : '';
    if (i === 0) bonus[i] = WORD_START + STRING_START;
    else if (isAlnum(c) && (!isAlnum(prev) || (isUpper(c) && !isUpper(prev)))) bonus[i] = WORD_START;
  }
  return { folded: foldForSearch(s), bonus };
}

const preparedCache = new WeakMap<Template, Prepared>();

function prepare(t: Template): Prepared {
  const key = `${t.name}\u0000${t.shortcut ?? ''}\u0000${t.stage}`;
  let p = preparedCache.get(t);
  if (!p || p.key !== key) {
    p = {
      name: prepareField(t.name),
      shortcut: t.shortcut ? prepareField(t.shortcut) : null,
      stage: prepareField(t.stage.replace(/_/g, ' ')),
      key,
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
  results.sort((a, b) => b.score - a.score || a.template.name.length - b.template.name.length || a.template.name.localeCompare(b.template.name));
  return options.limit !== undefined ? results.slice(0, Math.max(0, options.limit)) : results;
}
