/**
 * `npm run eval:classifier` reports every evaluation set of the project:
 * - the full e-mails (tests/fixtures/classifier/eval-emails.jsonl): category figures, and the
 *   escalation flag against that set's older labels;
 * - the short chat and social messages (eval-short.jsonl): accuracy, per-class figures, macro-F1,
 *   confusion;
 * - the escalation set (eval-escalation.jsonl) and the blind check sets written after the rules
 *   were frozen (blind-escalation*.jsonl): precision and recall, per kind precision, recall and
 *   F1, false alarms per innocent sense, and figures per language.
 * `npm run eval:classifier -- FILE.jsonl [--compare]` reports one file: rows `{ "text", "label"?,
 * "escalate"?, "kinds"? }`. If the text's first line is `Subject: …`, that line is the subject and
 * the rest (after one blank line, if any) is the raw body; otherwise the whole text is the body.
 *
 * `--compare` also trains and scores two other designs in memory: a plain word multinomial Naive
 * Bayes on ../shared/data only (the reference point), and the same Naive Bayes on the
 * final model's full training rows (so the difference left is the model and its features).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATEGORIES, type Category } from '../utils/cases/events';
import { classify, detectEscalation, ESCALATION_KINDS, type EscalationKind } from '../utils/classify/index';
import { prepareText } from '../utils/classify/prepare-text';
import { tokenize } from '../utils/classify/tokenize';
import { loadTrainingRows, dataDir, parseCsv } from './train-classifier';
import type { TrainingRow } from '../utils/classify/train-model';

interface EvalRow {
  text: string;
  label?: Category;
  escalate?: boolean;
  kinds?: EscalationKind[];
  /** Escalation sets: the innocent sense a non-escalation uses ("negation", "signature", …). */
  trap?: string | null;
  lang?: string;
}

const FIXTURES = 'tests/fixtures/classifier';

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
    if (!row.label) continue;
    const input = splitSubject(row.text);
    const started = performance.now();
    const predicted = predict(input);
    times.push(performance.now() - started);
    matrix[labels.indexOf(row.label)]![labels.indexOf(predicted)]!++;
  }
  const total = matrix.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  const correct = labels.reduce((s, _, i) => s + matrix[i]![i]!, 0);
  console.log(`\n== ${name} (${total} messages)`);
  console.log(`accuracy  ${(correct / total).toFixed(3)}`);
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

const ratio = (a: number, b: number) => (b > 0 ? a / b : 1);
const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/** Precision and recall of the flag, per kind, per innocent sense and per language. */
function reportEscalation(name: string, rows: EvalRow[]): void {
  const labelled = rows.filter((r) => typeof r.escalate === 'boolean');
  if (labelled.length === 0) return;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  const perKind = new Map(ESCALATION_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const perSense = new Map<string, { quiet: number; rows: number }>();
  const perLang = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const row of labelled) {
    const result = detectEscalation(splitSubject(row.text));
    const lang = perLang.get(row.lang ?? 'en') ?? { tp: 0, fp: 0, fn: 0 };
    perLang.set(row.lang ?? 'en', lang);
    if (result.flagged && row.escalate) {
      tp++;
      lang.tp++;
    } else if (result.flagged) {
      fp++;
      lang.fp++;
      misses.push(`  false alarm (${row.trap ?? 'ordinary'}): ${result.why.join('; ')}`);
    } else if (row.escalate) {
      fn++;
      lang.fn++;
      misses.push(`  missed (${(row.kinds ?? []).join(', ')}): ${splitSubject(row.text).subject || prepareText(row.text).slice(0, 70)}`);
    }
    if (!row.escalate) {
      const sense = row.trap ?? 'ordinary (no trigger word)';
      const s = perSense.get(sense) ?? { quiet: 0, rows: 0 };
      s.rows++;
      if (!result.flagged) s.quiet++;
      perSense.set(sense, s);
    }
    if (row.kinds) {
      const raised = new Set(result.flags.map((f) => f.kind));
      for (const [kind, k] of perKind) {
        const wanted = row.kinds.includes(kind);
        if (wanted && raised.has(kind)) k.tp++;
        else if (raised.has(kind)) k.fp++;
        else if (wanted) k.fn++;
      }
    }
  }
  const p = ratio(tp, tp + fp);
  const r = ratio(tp, tp + fn);
  console.log(`\n== ${name}: escalation flag (${labelled.length} messages, ${tp + fn} to flag)`);
  console.log(`precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f1(p, r).toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
  if (labelled.some((row) => row.kinds)) {
    console.log('kind         precision  recall  F1     to flag');
    for (const [kind, k] of perKind) {
      if (k.tp + k.fn + k.fp === 0) continue;
      const kp = ratio(k.tp, k.tp + k.fp);
      const kr = ratio(k.tp, k.tp + k.fn);
      console.log(`${kind.padEnd(12)} ${kp.toFixed(3).padStart(9)}  ${kr.toFixed(3).padStart(6)}  ${f1(kp, kr).toFixed(3)}  ${k.tp + k.fn}`);
    }
  }
  if (perSense.size > 1) {
    console.log('not to flag, by sense: ' + [...perSense].map(([sense, s]) => `${sense} ${s.quiet}/${s.rows} quiet`).join(', '));
  }
  if (perLang.size > 1) {
    console.log('by language: ' + [...perLang].map(([lang, l]) => `${lang} P ${ratio(l.tp, l.tp + l.fp).toFixed(3)} R ${ratio(l.tp, l.tp + l.fn).toFixed(3)}`).join(', '));
  }
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

function readRows(file: string): EvalRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalRow);
}

const predictFinal: Predict = (input) => classify(input).label;
const FINAL = 'final: logistic regression, hashed words + char 4-grams + tone cues (utils/classify/model.json)';

/** Every set the project keeps, in the order of docs/classifier.md. */
function reportAllSets(): void {
  report(`full e-mails, eval-emails.jsonl — ${FINAL}`, readRows(`${FIXTURES}/eval-emails.jsonl`), predictFinal);
  reportEscalation('full e-mails, eval-emails.jsonl (labels of the older escalation rules)', readRows(`${FIXTURES}/eval-emails.jsonl`));
  report(`short chat and social messages, eval-short.jsonl — ${FINAL}`, readRows(`${FIXTURES}/eval-short.jsonl`), predictFinal);
  reportEscalation('escalation set, eval-escalation.jsonl (written before the rules)', readRows(`${FIXTURES}/eval-escalation.jsonl`));
  for (const n of ['', '-2', '-3', '-4', '-5']) {
    const file = `${FIXTURES}/blind-escalation${n}.jsonl`;
    reportEscalation(`blind check set, blind-escalation${n}.jsonl (see docs/classifier.md for its first-run figures)`, readRows(file));
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  // Warm up once so the first message does not pay for JIT compilation.
  classify({ subject: 'warm up', body: 'Hello, how are you?' });
  if (!file) {
    reportAllSets();
    return;
  }
  const rows = readRows(file);
  if (args.includes('--compare')) {
    const training = loadTrainingRows(dataDir());
    report('design A: word Naive Bayes, ../shared/data only', rows, trainWordNaiveBayes(sharedDataOnly(training)));
    report('design B: word Naive Bayes, same rows as the final model', rows, trainWordNaiveBayes(training));
  }
  if (rows.some((r) => r.label)) report(FINAL, rows, predictFinal);
  reportEscalation(file, rows);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
