/**
 * The shape of utils/classify/model.json and how it is packed: hashed weights quantised to
 * signed bytes (one scale for all), stored base64 in bucket-major order (bucket × labels);
 * dense tone weights and biases as plain numbers.
 */
import type { Category } from '../cases/events';

export interface ModelFile {
  format: 1;
  labels: Category[];
  hashBits: number;
  denseNames: string[];
  /** Quantisation step: weight = byte × scale. */
  scale: number;
  /** base64 of Int8Array(buckets × labels.length). */
  weights: string;
  /** [label][dense feature]. */
  dense: number[][];
  bias: number[];
  /** Softmax temperature fitted on held-out rows. */
  temperature: number;
  /** What the model was trained on (rows per source and label); for the README and tests. */
  trainedOn: Record<string, number>;
}

export interface LoadedModel {
  labels: Category[];
  buckets: number;
  weights: Int8Array;
  scale: number;
  dense: number[][];
  bias: number[];
  temperature: number;
}

export function encodeBytes(bytes: Int8Array): string {
  const u8 = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < u8.length; i += chunk) binary += String.fromCharCode(...u8.subarray(i, i + chunk));
  return btoa(binary);
}

export function decodeBytes(base64: string): Int8Array {
  const binary = atob(base64);
  const out = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = (binary.charCodeAt(i) << 24) >> 24;
  return out;
}

export function loadModel(file: ModelFile): LoadedModel {
  return {
    labels: file.labels,
    buckets: 1 << file.hashBits,
    weights: decodeBytes(file.weights),
    scale: file.scale,
    dense: file.dense,
    bias: file.bias,
    temperature: file.temperature,
  };
}
