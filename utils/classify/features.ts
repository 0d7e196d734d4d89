/**
 * The feature vector of a prepared message: hashed word unigrams and bigrams, negated unigrams,
 * character 4-grams of words (robust to typos and word forms), sublinear counts, L2-normalised
 * and damped past a length so that length is not a signal; then the dense tone features at fixed
 * indices after the hash space. Pairs need a content word on one side (no ". i" or "and a").
 * The same code runs in training and in classification.
 */
import { negationScope, tokenize, isWord } from './tokenize';
import { readTone } from './tone-cues';
import { classifierWords } from './classifier-data';

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

/** Continues an FNV-1a hash over text[start, end) (so hash(prefix + s) needs no new string). */
function hashMore(h: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SEED_WORD = hashString('w:');
const SEED_NEGATED = hashString('n:');
const SEED_BIGRAM = hashString('b:');
const SEED_CHAR = hashString('c:');

/** The raw 32-bit hash of a word's unigram feature (bucket = low bits, sign = top bit). */
export const wordHash = (word: string): number => hashMore(SEED_WORD, word, 0, word.length);

/** The raw hash of the pair "previous word", without building the joined string. */
export function pairHash(previous: string, word: string): number {
  return hashMore(hashMore(hashMore(SEED_BIGRAM, previous, 0, previous.length), ' ', 0, 1), word, 0, word.length);
}

export interface SparseVector {
  /** Bucket index (hash space) or BUCKETS + dense index. */
  index: number[];
  value: number[];
}

export interface Features {
  vector: SparseVector;
  /** Dense cue name → matched words. */
  cues: Map<string, string>;
  tokenCount: number;
  /** All tokens, function words included. */
  tokens: string[];
}

const CHAR_WEIGHT = 0.5;

/**
 * The dense tone features are few against hundreds of hashed ones; a larger value lets them
 * (question form, "could you …", "doesn't work", dissatisfaction) weigh more against the
 * register of the words (AdaGrad steps are about the same size per weight, so the value scales
 * what one weight can contribute).
 */
const DENSE_STRENGTH = 2;

/**
 * Length damping. With plain L2 normalisation the score of a long text still grows with the
 * square root of its number of features whenever many of them lean the same way (the register of
 * long formal prose did: long polite e-mails scored 0.99+ complaint). Past LENGTH_FEATURES
 * distinct features the hashed part is scaled down by sqrt(LENGTH_FEATURES / features), so the
 * hashed score of a long text behaves like an average and stops growing with length; short
 * messages (a sentence or two) are untouched.
 */
const LENGTH_FEATURES = 60;

/**
 * Function words carry register, not intent: they get no unigram feature (they still appear
 * inside word pairs). The list is data (word-lists.ts), provided with the classifier's data.
 */
export const functionWords = (): ReadonlySet<string> => classifierWords().functionWords;

/**
 * Scratch space reused across calls (classification is synchronous): signed counts per
 * bucket × sign, and the list of slots touched so they can be reset cheaply.
 */
const scratch = new Float64Array(BUCKETS * 2);
const merged = new Float64Array(BUCKETS);
let touched = new Int32Array(4096);
let touchedCount = 0;

function addHash(h: number, weight: number): number {
  // The top bit gives the sign; slots keep colliding signs apart until the merge.
  const k = ((h & (BUCKETS - 1)) << 1) | (h >>> 31);
  if (scratch[k] === 0) {
    if (touchedCount === touched.length) {
      const bigger = new Int32Array(touched.length * 2);
      bigger.set(touched);
      touched = bigger;
    }
    touched[touchedCount++] = k;
  }
  scratch[k] = scratch[k]! + weight;
  return k;
}

/** A content word: letters, and not a function word. */
export const isContentWord = (t: string): boolean => isWord(t) && !functionWords().has(t);

/**
 * Word pairs are features only when one side is a content word ("copy of", "not happy",
 * "<s> how"): pairs of function words and punctuation (". i", ", so", "and a") mark long
 * written prose, not intent, and would let length and register decide the label.
 */
export const isContentPair = (previous: string, word: string): boolean => isContentWord(previous) || isContentWord(word);

const tfOf = (c: number) => (c >= 1 ? 1 + Math.log(c) : c);

export function extractFeatures(prepared: string): Features {
  const tokens = tokenize(prepared);
  const negated = negationScope(tokens);
  const functionWordSet = functionWords();
  touchedCount = 0;
  let prev = '<s>';
  let wordCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = isWord(t);
    if (!functionWordSet.has(t)) addHash(hashMore(SEED_WORD, t, 0, t.length), 1);
    if (negated[i] && word) addHash(hashMore(SEED_NEGATED, t, 0, t.length), 1);
    if (isContentPair(prev, t)) addHash(pairHash(prev, t), 1);
    prev = t;
    if (word) {
      wordCount++;
      const padded = ` ${t} `;
      for (let j = 0; j + 4 <= padded.length; j++) addHash(hashMore(SEED_CHAR, padded, j, j + 4), CHAR_WEIGHT);
    }
  }
  if (tokens.length > 0) addHash(hashString(`b:${prev} </s>`), 1);

  // Sublinear counts, then L2 norm (damped past LENGTH_FEATURES) over the hashed part; then merge the two signs of a bucket.
  let norm = 0;
  for (let n = 0; n < touchedCount; n++) {
    const v = tfOf(scratch[touched[n]!]!);
    norm += v * v;
  }
  norm = (Math.sqrt(norm) || 1) * Math.sqrt(Math.max(1, touchedCount / LENGTH_FEATURES));
  const index: number[] = [];
  const value: number[] = [];
  for (let n = 0; n < touchedCount; n++) {
    const k = touched[n]!;
    const bucket = k >> 1;
    if (merged[bucket] === 0) index.push(bucket);
    merged[bucket] = merged[bucket]! + ((k & 1) === 1 ? -1 : 1) * tfOf(scratch[k]!) / norm;
  }
  let kept = 0;
  for (const bucket of index) {
    const v = merged[bucket]!;
    merged[bucket] = 0;
    if (v !== 0) {
      index[kept++] = bucket;
      value.push(v);
    }
  }
  index.length = kept;
  for (let n = 0; n < touchedCount; n++) scratch[touched[n]!] = 0;
  touchedCount = 0;

  const tone = readTone(prepared, tokens, negated);
  tone.values.forEach((v, i) => {
    if (v !== 0) {
      index.push(BUCKETS + i);
      value.push(v * DENSE_STRENGTH);
    }
  });
  return { vector: { index, value }, cues: tone.matched, tokenCount: wordCount, tokens };
}
