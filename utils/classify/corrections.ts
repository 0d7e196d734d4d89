/**
 * Learning from agents' overrides. A correction keeps a hashed, L2-normalised feature vector of
 * the thread (content words, word pairs and character 4-grams; never the raw text, so it can
 * sync to the team) and the agent's label. classify() treats corrections as a nearest-neighbour
 * memory: a thread whose vector is close enough (cosine ≥ CORRECTION_THRESHOLD) to a corrected
 * one takes the agent's label.
 */
import type { Category } from '../cases/events';
import { classifierWords } from './classifier-data';
import { hashString } from './features';
import { prepareText } from './prepare-text';
import { isWord, tokenize } from './tokenize';

export interface Correction {
  id: string;
  label: Category;
  /** Hashed features: sorted bucket indices (0 … 2^18−1) and their weights (L2 norm 1). */
  features: { index: number[]; value: number[] };
  /** ISO instant of the override. */
  at: string;
}

/** Similarity at or above which a corrected thread decides the label. */
export const CORRECTION_THRESHOLD = 0.5;
const MEMORY_BITS = 18;
const MEMORY_SEED = 0x2f6b1d3a;

export function memoryVector(subject: string, body: string): { index: number[]; value: number[] } {
  const text = `${subject}\n${prepareText(body)}`;
  // Stop words: word-lists.ts, provided with the classifier's data.
  const stopwords = classifierWords().correctionStopwords;
  const words = tokenize(text).filter((t) => isWord(t) && !stopwords.has(t));
  const counts = new Map<number, number>();
  const bump = (key: string, w: number) => {
    const b = hashString(key, MEMORY_SEED) & ((1 << MEMORY_BITS) - 1);
    counts.set(b, (counts.get(b) ?? 0) + w);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    bump(`w:${w}`, 1);
    if (i > 0) bump(`b:${words[i - 1]} ${w}`, 0.5);
    const padded = ` ${w} `;
    for (let j = 0; j + 4 <= padded.length; j++) bump(`c:${padded.slice(j, j + 4)}`, 0.35);
  }
  const entries = [...counts.entries()].map(([b, c]) => [b, 1 + Math.log(c)] as const).sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return { index: entries.map(([b]) => b), value: entries.map(([, v]) => Number((v / norm).toFixed(4))) };
}

export function correctionFrom(input: { subject: string; body: string }, label: Category, id: string, at: string): Correction {
  return { id, label, features: memoryVector(input.subject ?? '', input.body ?? ''), at };
}

/** Cosine of two sorted sparse vectors of norm 1. */
export function similarity(a: { index: number[]; value: number[] }, b: { index: number[]; value: number[] }): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.index.length && j < b.index.length) {
    const ai = a.index[i]!;
    const bj = b.index[j]!;
    if (ai === bj) dot += a.value[i++]! * b.value[j++]!;
    else if (ai < bj) i++;
    else j++;
  }
  return dot;
}

/** The closest correction at or above the threshold; the newest wins a tie. */
export function nearestCorrection(
  vector: { index: number[]; value: number[] },
  corrections: Correction[],
): { correction: Correction; similarity: number } | undefined {
  let best: { correction: Correction; similarity: number } | undefined;
  for (const c of corrections) {
    const s = similarity(vector, c.features);
    if (s < CORRECTION_THRESHOLD) continue;
    if (!best || s > best.similarity + 1e-9 || (Math.abs(s - best.similarity) <= 1e-9 && c.at > best.correction.at)) {
      best = { correction: c, similarity: s };
    }
  }
  return best;
}
