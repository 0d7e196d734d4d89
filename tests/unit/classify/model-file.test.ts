import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { buildClassifierModel, MODEL_PATH, serialiseModel, sha256 } from '../../../scripts/train-classifier';
import { shortTrainingMessages } from '../../../scripts/short-training-messages';
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
    expect(sources).toEqual(new Set(['bitext', 'clinc150', 'cfpb', 'cfpb-slice', 'composite', 'caseline', 'caseline-short']));
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

  const rowsOf = (name: string) => readFileSync(`tests/fixtures/classifier/${name}.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string });
  const squash = (t: string) => t.toLowerCase().replace(/[^a-z0-9áéíóúñ]+/g, ' ').trim();

  it('never trains on the short-message and escalation sets, nor on the short dev set', () => {
    const generated = new Set(shortTrainingMessages().map((r) => squash(r.text)));
    const extra = squash(readFileSync('tests/fixtures/classifier/train-extra.jsonl', 'utf8'));
    for (const name of ['eval-short', 'dev-short', 'eval-escalation']) {
      const rows = rowsOf(name);
      expect(rows.length).toBeGreaterThan(100);
      for (const { text } of rows) {
        expect(generated.has(squash(text)), text).toBe(false);
        const body = squash(text.replace(/^(?:Subject|Asunto):.*\n\n?/, '')).slice(0, 50);
        if (body.split(' ').length >= 6) expect(extra.includes(body), body).toBe(false);
      }
    }
  });

  it('has no sentence of the escalation set inside the escalation lexicons (no run of six of its words)', () => {
    const dir = 'utils/classify/escalation';
    const lexicons = readdirSync(dir).map((f) => squash(readFileSync(`${dir}/${f}`, 'utf8'))).join(' ');
    // Official names of bodies are facts, not sentences of the set; a few stock phrases of a
    // hazard are shared with it on purpose (docs/classifier.md lists them).
    const names = ['agencia española de protección de datos', 'don t think i can keep going', 'more times than i can count'];
    for (const { text } of rowsOf('eval-escalation')) {
      const words = squash(text.replace(/^(?:Subject|Asunto):.*\n\n?/, '')).split(' ');
      for (let i = 0; i + 6 <= words.length; i++) {
        const run = words.slice(i, i + 6).join(' ');
        if (names.some((n) => n.includes(run))) continue;
        expect(lexicons.includes(` ${run} `), run).toBe(false);
      }
    }
  });
});
