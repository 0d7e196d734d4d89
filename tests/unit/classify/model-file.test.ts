import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildClassifierModel, MODEL_PATH, serialiseModel, sha256 } from '../../../scripts/train-classifier';
import type { ModelFile } from '../../../utils/classify/model-format';

describe('utils/classify/model.json', () => {
  const shipped = readFileSync(MODEL_PATH, 'utf8');

  it('is exactly what `npm run train:classifier` produces from the data and the project examples', { timeout: 240_000 }, () => {
    const rebuilt = serialiseModel(buildClassifierModel());
    expect(sha256(rebuilt)).toBe(sha256(shipped));
  });

  it('is small, well formed and trained on the three shared files plus our own examples', () => {
    expect(gzipSync(shipped).length).toBeLessThan(400 * 1024);
    const model = JSON.parse(shipped) as ModelFile;
    expect(model.labels).toEqual(['inquiry', 'complaint', 'support']);
    expect(model.bias).toHaveLength(3);
    expect(model.dense).toHaveLength(3);
    expect(model.temperature).toBeGreaterThan(0);
    const sources = new Set(Object.keys(model.trainedOn).map((k) => k.split(':')[0]));
    expect(sources).toEqual(new Set(['bitext', 'clinc150', 'cfpb', 'cfpb-slice', 'composite', 'caseline']));
  });

  it('never trains on the eval set', () => {
    const evalTexts = readFileSync('tests/fixtures/classifier/eval-emails.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
    const extra = readFileSync('tests/fixtures/classifier/train-extra.jsonl', 'utf8');
    const dev = readFileSync('tests/fixtures/classifier/dev-emails.jsonl', 'utf8');
    expect(evalTexts.length).toBeGreaterThanOrEqual(150);
    for (const text of evalTexts) {
      // The opening of every eval message is absent from the training and dev files.
      const body = text.replace(/^Subject:.*\n\n?/, '').replace(/^(?:Hi|Hello|Dear|Good|To whom)[^\n]*\n\n/, '');
      const opening = body.slice(0, 50);
      expect(extra.includes(opening) || dev.includes(opening), opening).toBe(false);
    }
  });
});
