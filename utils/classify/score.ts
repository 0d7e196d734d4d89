/** Linear scores of a feature vector under a loaded model, and the calibrated softmax. */
import type { LoadedModel } from './model-format';
import type { SparseVector } from './features';

export function linearScores(model: LoadedModel, vector: SparseVector): number[] {
  const k = model.labels.length;
  const out = model.bias.slice();
  for (let i = 0; i < vector.index.length; i++) {
    const idx = vector.index[i] ?? 0;
    const v = vector.value[i] ?? 0;
    if (idx < model.buckets) {
      const base = idx * k;
      for (let c = 0; c < k; c++) out[c] = (out[c] ?? 0) + (model.weights[base + c] ?? 0) * model.scale * v;
    } else {
      const d = idx - model.buckets;
      for (let c = 0; c < k; c++) out[c] = (out[c] ?? 0) + (model.dense[c]?.[d] ?? 0) * v;
    }
  }
  return out;
}

export function softmax(scores: number[], temperature = 1): number[] {
  const scaled = scores.map((s) => s / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
