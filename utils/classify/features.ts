/**
 * The feature vector of a prepared message: hashed word unigrams and bigrams, negated unigrams,
 * character 4-grams of words (robust to typos and word forms), sublinear counts, L2-normalised
 * so that length is not a signal; then the dense tone features at fixed indices after the hash
 * space. The same code runs in training and in classification.
 */
import { negationScope, tokenize, isWord } from './tokenize';
import { readTone } from './tone-cues';

export const HASH_BITS = 16;
export const BUCKETS = 1 << HASH_BITS;

/** FNV-1a, 32 bit, over UTF-16 code units. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface SparseVector {
  /** Bucket index (hash space) or BUCKETS + dense index. */
  index: number[];
  value: number[];
}

export interface Features {
  vector: SparseVector;
  /** Word n-gram → its bucket and signed value, for explaining a decision. */
  words: Map<string, { bucket: number; value: number }>;
  /** Dense cue name → matched words. */
  cues: Map<string, string>;
  tokenCount: number;
}

const CHAR_WEIGHT = 0.5;

function add(counts: Map<number, number>, key: string, weight: number): number {
  const h = hashString(key);
  const bucket = h & (BUCKETS - 1);
  const sign = (h >>> 31) === 1 ? -1 : 1;
  // Store sign in the key of the map: bucket * 2 + (sign < 0 ? 1 : 0) keeps colliding signs apart.
  const k = bucket * 2 + (sign < 0 ? 1 : 0);
  counts.set(k, (counts.get(k) ?? 0) + weight);
  return k;
}

export function extractFeatures(prepared: string): Features {
  const tokens = tokenize(prepared);
  const negated = negationScope(tokens);
  const counts = new Map<number, number>();
  const wordKeys = new Map<string, number>();
  let prev = '<s>';
  let wordCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    wordKeys.set(t, add(counts, `w:${t}`, 1));
    if (negated[i] && isWord(t)) add(counts, `n:${t}`, 1);
    const bigram = `${prev} ${t}`;
    wordKeys.set(bigram, add(counts, `b:${bigram}`, 1));
    prev = t;
    if (isWord(t)) {
      wordCount++;
      const padded = ` ${t} `;
      if (padded.length >= 4) {
        for (let j = 0; j + 4 <= padded.length; j++) add(counts, `c:${padded.slice(j, j + 4)}`, CHAR_WEIGHT);
      }
    }
  }
  if (tokens.length > 0) add(counts, `b:${prev} </s>`, 1);

  // Sublinear counts, then L2 norm over the hashed part.
  const keys = [...counts.keys()];
  const tf = keys.map((k) => {
    const c = counts.get(k) ?? 0;
    return c >= 1 ? 1 + Math.log(c) : c;
  });
  let norm = 0;
  for (const v of tf) norm += v * v;
  norm = Math.sqrt(norm) || 1;

  const merged = new Map<number, number>();
  keys.forEach((k, i) => {
    const bucket = k >> 1;
    const signed = ((k & 1) === 1 ? -1 : 1) * (tf[i] ?? 0) / norm;
    merged.set(bucket, (merged.get(bucket) ?? 0) + signed);
  });
  const index: number[] = [];
  const value: number[] = [];
  for (const [b, v] of merged) {
    if (v !== 0) {
      index.push(b);
      value.push(v);
    }
  }
  const tone = readTone(prepared, tokens, negated);
  tone.values.forEach((v, i) => {
    if (v !== 0) {
      index.push(BUCKETS + i);
      value.push(v);
    }
  });

  const words = new Map<string, { bucket: number; value: number }>();
  for (const [w, k] of wordKeys) {
    const c = counts.get(k) ?? 0;
    words.set(w, { bucket: k >> 1, value: ((k & 1) === 1 ? -1 : 1) * (c >= 1 ? 1 + Math.log(c) : c) / norm });
  }
  return { vector: { index, value }, words, cues: tone.matched, tokenCount: wordCount };
}
