/**
 * Trains the classifier from labelled rows: multinomial logistic regression on the features of
 * features.ts, AdaGrad with L2, class-balanced, a seeded shuffle (so the same rows always give
 * the same bytes), then a softmax temperature fitted on a held-out tenth and int8 quantisation.
 * Pure: the caller (scripts/train-classifier.ts) reads the data from disk.
 */
import { CATEGORIES, type Category } from '../cases/events';
import { BUCKETS, HASH_BITS, extractFeatures, type SparseVector } from './features';
import { encodeBytes, loadModel, type ModelFile } from './model-format';
import { linearScores, softmax } from './score';
import { CUES } from './tone-cue-list';
import { denseNamesFor } from './tone-cues';
import { prepareText } from './prepare-text';

const DENSE_NAMES = denseNamesFor(CUES);

export interface TrainingRow {
  text: string;
  label: Category;
  /** Where it came from (counted in the model file). */
  source: string;
  /** Relative weight of the row (default 1). */
  weight?: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

/** Deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Encoded {
  vector: SparseVector;
  label: number;
  weight: number;
}

function fit(rows: Encoded[], k: number, dims: number, opts: Required<TrainOptions>): { w: Float64Array; bias: Float64Array } {
  const w = new Float64Array(dims * k);
  const g2 = new Float64Array(dims * k).fill(1e-6);
  const bias = new Float64Array(k);
  const b2 = new Float64Array(k).fill(1e-6);
  const random = seededRandom(opts.seed);
  const order = rows.map((_, i) => i);
  const probs = new Float64Array(k);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    for (const r of order) {
      const row = rows[r]!;
      const { index, value } = row.vector;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = bias[c]!;
        for (let n = 0; n < index.length; n++) s += w[index[n]! * k + c]! * value[n]!;
        probs[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        probs[c] = Math.exp(probs[c]! - max);
        sum += probs[c]!;
      }
      for (let c = 0; c < k; c++) {
        const grad = (probs[c]! / sum - (c === row.label ? 1 : 0)) * row.weight;
        b2[c] = b2[c]! + grad * grad;
        bias[c] = bias[c]! - (opts.learningRate / Math.sqrt(b2[c]!)) * grad;
        for (let n = 0; n < index.length; n++) {
          const at = index[n]! * k + c;
          const g = grad * value[n]! + opts.l2 * w[at]!;
          g2[at] = g2[at]! + g * g;
          w[at] = w[at]! - (opts.learningRate / Math.sqrt(g2[at]!)) * g;
        }
      }
    }
  }
  return { w, bias };
}

function quantise(w: Float64Array, hashedLength: number): { bytes: Int8Array; scale: number } {
  const magnitudes = Array.from(w.subarray(0, hashedLength), Math.abs).filter((v) => v > 0).sort((a, b) => a - b);
  const top = magnitudes[Math.floor(magnitudes.length * 0.9995)] ?? magnitudes[magnitudes.length - 1] ?? 1;
  const scale = Number((top / 127).toPrecision(6));
  const bytes = new Int8Array(hashedLength);
  for (let i = 0; i < hashedLength; i++) bytes[i] = Math.max(-127, Math.min(127, Math.round(w[i]! / scale)));
  return { bytes, scale };
}

const round = (v: number, digits = 5) => Number(v.toFixed(digits));

/**
 * `calibration` rows (the project's dev e-mails, never the eval set) fit the softmax temperature;
 * without them every tenth training row is held out for it (in-distribution, so overconfident).
 */
export function trainModel(rows: TrainingRow[], options: TrainOptions = {}, calibration: TrainingRow[] = []): ModelFile {
  const opts: Required<TrainOptions> = { epochs: 4, learningRate: 0.25, l2: 1e-6, seed: 20260127, ...options };
  const labels = [...CATEGORIES];
  const k = labels.length;
  const dims = BUCKETS + DENSE_NAMES.length;
  const perLabel = labels.map((l) => rows.filter((r) => r.label === l).reduce((s, r) => s + (r.weight ?? 1), 0));
  const total = perLabel.reduce((a, b) => a + b, 0);
  const encoded: Encoded[] = rows.map((row) => {
    const label = labels.indexOf(row.label);
    return {
      vector: extractFeatures(prepareText(row.text)).vector,
      label,
      weight: (row.weight ?? 1) * (total / (k * (perLabel[label] || 1))),
    };
  });

  const encode = (r: TrainingRow) => ({ vector: extractFeatures(prepareText(r.text)).vector, label: labels.indexOf(r.label) });
  let final: { w: Float64Array; bias: Float64Array };
  let heldOut: { vector: SparseVector; label: number }[];
  if (calibration.length > 0) {
    final = fit(encoded, k, dims, opts);
    heldOut = calibration.map(encode);
  } else {
    final = fit(encoded.filter((_, i) => i % 10 !== 9), k, dims, opts);
    heldOut = encoded.filter((_, i) => i % 10 === 9);
  }
  const q = quantise(final.w, BUCKETS * k);
  const probe = loadModel(pack(labels, q, final.w, final.bias, 1, {}));
  const heldScores = heldOut.map((r) => ({ s: linearScores(probe, r.vector), label: r.label }));
  let bestT = 1;
  let bestLoss = Infinity;
  for (let t = 0.5; t <= 4.0001; t += 0.1) {
    let loss = 0;
    for (const h of heldScores) loss -= Math.log(Math.max(softmax(h.s, t)[h.label] ?? 1e-12, 1e-12));
    if (loss < bestLoss) {
      bestLoss = loss;
      bestT = t;
    }
  }
  const trainedOn: Record<string, number> = {};
  for (const r of rows) trainedOn[`${r.source}:${r.label}`] = (trainedOn[`${r.source}:${r.label}`] ?? 0) + 1;
  return pack(labels, q, final.w, final.bias, round(bestT, 2), trainedOn);
}

function pack(labels: Category[], q: { bytes: Int8Array; scale: number }, w: Float64Array, bias: Float64Array, temperature: number, trainedOn: Record<string, number>): ModelFile {
  const k = labels.length;
  const dense = labels.map((_, c) => DENSE_NAMES.map((__, d) => round(w[(BUCKETS + d) * k + c]!)));
  return {
    format: 1,
    labels,
    hashBits: HASH_BITS,
    denseNames: DENSE_NAMES,
    scale: q.scale,
    weights: encodeBytes(q.bytes),
    dense,
    bias: Array.from(bias, (b) => round(b)),
    temperature,
    trainedOn,
  };
}
