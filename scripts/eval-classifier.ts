/**
 * `npm run eval:classifier -- FILE.jsonl [--compare]`
 *
 * Rows are `{ "text": string, "label": "inquiry" | "complaint" | "support", "escalate"?: boolean }`.
 * If the text's first line is `Subject: …`, that line is the subject and the rest (after one
 * blank line, if any) is the raw body; otherwise the whole text is the body and the subject is
 * empty. Prints accuracy, per-class precision/recall/F1, macro-F1, the confusion matrix, the
 * latency per message and, when rows carry `escalate`, escalation precision and recall.
 *
 * `--compare` also trains and scores two other designs in memory: a plain word multinomial Naive
 * Bayes on ../shared/data only (the reference point), and the same Naive Bayes on the
 * final model's full training rows (so the difference left is the model and its features).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATEGORIES, type Category } from '../utils/cases/events';
import { classify, detectEscalation } from '../utils/classify/index';
import { prepareText } from '../utils/classify/prepare-text';
import { tokenize } from '../utils/classify/tokenize';
import { loadTrainingRows, dataDir, parseCsv } from './train-classifier';
import type { TrainingRow } from '../utils/classify/train-model';

interface EvalRow {
  text: string;
  label: Category;
  escalate?: boolean;
}

export function splitSubject(text: string): { subject: string; body: string } {
  const m = /^Subject:[ \t]*(.*)\r?\n(?:\r?\n)?/i.exec(text);
  if (!m) return { subject: '', body: text };
  return { subject: m[1] ?? '', body: text.slice(m[0].length) };
}

type Predict = (input: { subject: string; body: string }) => Category;

function report(name: string, rows: EvalRow[], predict: Predict): number {
  const labels = [...CATEGORIES];
  const matrix = labels.map(() => labels.map(() => 0));
  const times: number[] = [];
  for (const row of rows) {
    const input = splitSubject(row.text);
    const started = performance.now();
    const predicted = predict(input);
    times.push(performance.now() - started);
    matrix[labels.indexOf(row.label)]![labels.indexOf(predicted)]!++;
  }
  const correct = labels.reduce((s, _, i) => s + matrix[i]![i]!, 0);
  console.log(`\n== ${name} (${rows.length} messages)`);
  console.log(`accuracy  ${(correct / rows.length).toFixed(3)}`);
  let macro = 0;
  console.log('class       precision  recall  F1     support');
  labels.forEach((l, i) => {
    const tp = matrix[i]![i]!;
    const predicted = labels.reduce((s, _, r) => s + matrix[r]![i]!, 0);
    const actual = matrix[i]!.reduce((a, b) => a + b, 0);
    const p = predicted ? tp / predicted : 0;
    const r = actual ? tp / actual : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    macro += f1 / labels.length;
    console.log(`${l.padEnd(11)} ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}  ${f1.toFixed(3)}  ${actual}`);
  });
  console.log(`macro-F1  ${macro.toFixed(3)}`);
  console.log(`confusion (rows = true, columns = predicted)\n${''.padEnd(11)}${labels.map((l) => l.padStart(10)).join('')}`);
  labels.forEach((l, i) => console.log(`${l.padEnd(11)}${matrix[i]!.map((n) => String(n).padStart(10)).join('')}`));
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(times.length, 1);
  console.log(`latency   median ${median.toFixed(3)} ms, mean ${mean.toFixed(3)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(3)} ms per message`);
  return macro;
}

function reportEscalation(rows: EvalRow[]): void {
  const labelled = rows.filter((r) => typeof r.escalate === 'boolean');
  if (labelled.length === 0) return;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const row of labelled) {
    const flagged = detectEscalation(splitSubject(row.text));
    if (flagged.flagged && row.escalate) tp++;
    else if (flagged.flagged) {
      fp++;
      misses.push(`  false alarm: ${flagged.why.join('; ')}`);
    } else if (row.escalate) {
      fn++;
      misses.push(`  missed: ${splitSubject(row.text).subject || prepareText(row.text).slice(0, 60)}`);
    }
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  console.log(`\n== escalation flags (${labelled.length} messages, ${tp + fn} should be flagged)`);
  console.log(`precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
  for (const m of misses) console.log(m);
}

/** The reference design: multinomial Naive Bayes on lower-case word unigrams, Laplace smoothing. */
export function trainWordNaiveBayes(rows: { text: string; label: Category }[]): Predict {
  const labels = [...CATEGORIES];
  const counts = labels.map(() => new Map<string, number>());
  const totals = labels.map(() => 0);
  const docs = labels.map(() => 0);
  const vocabulary = new Set<string>();
  for (const row of rows) {
    const i = labels.indexOf(row.label);
    docs[i]!++;
    for (const t of tokenize(row.text)) {
      if (!/^[a-z]/.test(t)) continue;
      vocabulary.add(t);
      counts[i]!.set(t, (counts[i]!.get(t) ?? 0) + 1);
      totals[i]!++;
    }
  }
  const docTotal = docs.reduce((a, b) => a + b, 0);
  const v = vocabulary.size;
  return ({ subject, body }) => {
    const tokens = tokenize(`${subject}\n${prepareText(body)}`).filter((t) => /^[a-z]/.test(t));
    let best = 0;
    let bestScore = -Infinity;
    labels.forEach((_, i) => {
      if (docs[i] === 0) return;
      let s = Math.log(docs[i]! / docTotal);
      for (const t of tokens) s += Math.log(((counts[i]!.get(t) ?? 0) + 1) / (totals[i]! + v));
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    return labels[best]!;
  };
}

function sharedDataOnly(rows: TrainingRow[]): TrainingRow[] {
  // The raw shared files: chatbot rows and whole CFPB narratives (the final model only sees their
  // opening sentences), no slices, no project examples.
  const chatbot = rows.filter((r) => r.source === 'bitext' || r.source === 'clinc150');
  const narratives = parseCsv(readFileSync(resolve(dataDir(), 'cfpb-complaint-narratives.csv'), 'utf8'))
    .map((r) => r.text ?? '')
    .filter((text) => text.length >= 20)
    .map((text): TrainingRow => ({ text, label: 'complaint', source: 'cfpb' }));
  return [...chatbot, ...narratives];
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: npm run eval:classifier -- FILE.jsonl [--compare]');
    process.exit(2);
  }
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalRow);

  if (args.includes('--compare')) {
    const training = loadTrainingRows(dataDir());
    report('design A: word Naive Bayes, ../shared/data only', rows, trainWordNaiveBayes(sharedDataOnly(training)));
    report('design B: word Naive Bayes, same rows as the final model', rows, trainWordNaiveBayes(training));
  }
  // Warm up once so the first message does not pay for JIT compilation.
  classify({ subject: 'warm up', body: 'Hello, how are you?' });
  report('final: logistic regression, hashed words + char 4-grams + tone cues (utils/classify/model.json)', rows, (input) => classify(input).label);
  reportEscalation(rows);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
