/**
 * Classifier figures: model load (fresh read, JSON parse and weight decoding), median classify
 * time for a 2 KB e-mail and for a one-line chat message, model size raw and gzipped, and the
 * quality on the project's own sets (macro-F1 of the full e-mails and of the short messages,
 * escalation precision/recall on the escalation set and on the blind check sets), so
 * `npm run bench` shows all goals at once. `npm run eval:classifier` has the details.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CATEGORIES, type Category } from '../../utils/cases/events';
import { classify, detectEscalation } from '../../utils/classify/index';
import { loadModel, type ModelFile } from '../../utils/classify/model-format';
import type { Bench, BenchResult } from './types';

const MODEL_PATH = 'utils/classify/model.json';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** About 2 KB of realistic mail: the new message, a signature and quoted history. */
function twoKilobyteEmail(): { subject: string; body: string } {
  const body = [
    'Hello,',
    '',
    'I am writing about my order 40-22917, which was due last Tuesday. The tracking page has said "out for delivery" for five days now and',
    'nobody has been able to tell me where the parcel actually is. I have rung twice and used the chat once, and each time I was told to',
    'wait another 48 hours. The order contains a birthday present for my son and the party is on Saturday. Could you please find out what',
    'has happened to it, and if it is lost, send a replacement by express delivery or refund me so that I can buy it elsewhere in time?',
    'I would also like to know why the tracking has not been updated, because it makes it impossible to plan around the delivery.',
    '',
    'Kind regards',
    '',
    'Helen Marsh',
    '07700 900456',
    '',
    'On Mon, 3 Nov 2025 at 09:14, Quickcart Orders <orders@quickcart.example> wrote:',
    '> Dear Helen,',
    '> Thank you for your order. Your parcel has been handed to our courier and will arrive within three working days.',
    '> You can follow it with the tracking link in your account. If you have any questions about your order, reply to this',
    '> e-mail and one of our team will get back to you. We aim to answer within one working day.',
    '> Kind regards, Quickcart Customer Care',
    '>',
    '> This e-mail is confidential and intended only for the addressee. If you have received it in error, please delete it.',
  ].join('\n');
  return { subject: 'Re: Where is my order 40-22917?', body: body.padEnd(2048, ' ') };
}

const split = (text: string) => {
  const m = /^Subject:[ \t]*(.*)\r?\n(?:\r?\n)?/i.exec(text);
  return m ? { subject: m[1] ?? '', body: text.slice(m[0].length) } : { subject: '', body: text };
};
const rowsOf = <T,>(name: string) =>
  readFileSync(`tests/fixtures/classifier/${name}.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

function macroF1(rows: { text: string; label: Category }[]): number {
  let macro = 0;
  const predictions = rows.map((r) => classify(split(r.text)).label);
  for (const label of CATEGORIES) {
    const tp = rows.filter((r, i) => r.label === label && predictions[i] === label).length;
    const p = tp / Math.max(1, predictions.filter((l) => l === label).length);
    const rc = tp / Math.max(1, rows.filter((r) => r.label === label).length);
    macro += (p + rc ? (2 * p * rc) / (p + rc) : 0) / CATEGORIES.length;
  }
  return macro;
}

function flagQuality(rows: { text: string; escalate: boolean }[]): { precision: number; recall: number } {
  const flagged = rows.map((r) => detectEscalation(split(r.text)).flagged);
  const tp = rows.filter((r, i) => r.escalate && flagged[i]).length;
  return { precision: tp / Math.max(1, flagged.filter(Boolean).length), recall: tp / Math.max(1, rows.filter((r) => r.escalate).length) };
}

function quality(): BenchResult[] {
  const emails = macroF1(rowsOf<{ text: string; label: Category }>('eval-emails'));
  const short = macroF1(rowsOf<{ text: string; label: Category }>('eval-short'));
  const own = flagQuality(rowsOf<{ text: string; escalate: boolean }>('eval-escalation'));
  const blind = flagQuality(['blind-escalation', 'blind-escalation-2', 'blind-escalation-3', 'blind-escalation-4', 'blind-escalation-5'].flatMap((n) => rowsOf<{ text: string; escalate: boolean }>(n)));
  return [
    { name: 'classify: macro-F1, own full e-mail set', value: emails, unit: '', target: '≥ 0.75', ok: emails >= 0.75 },
    { name: 'classify: macro-F1, own short-message set', value: short, unit: '', target: '≥ 0.75', ok: short >= 0.75 },
    { name: 'escalation: precision, own escalation set', value: own.precision, unit: '', target: '≥ 0.90', ok: own.precision >= 0.9 },
    { name: 'escalation: recall, own escalation set', value: own.recall, unit: '', target: '≥ 0.95', ok: own.recall >= 0.95 },
    { name: 'escalation: precision, blind sets (now seen: see docs)', value: blind.precision, unit: '' },
    { name: 'escalation: recall, blind sets (now seen: see docs)', value: blind.recall, unit: '' },
  ];
}

export default (async () => {
  const raw = readFileSync(MODEL_PATH);
  const gz = gzipSync(raw, { level: 9 }).length;

  const loads: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    loadModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ModelFile);
    loads.push(performance.now() - started);
  }

  const email = twoKilobyteEmail();
  for (let i = 0; i < 200; i++) classify(email); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const started = performance.now();
    classify(email);
    times.push(performance.now() - started);
  }
  const chat = { subject: '', body: 'hi, my parcel says delivered but it isn’t here, can you check?' };
  for (let i = 0; i < 200; i++) classify(chat);
  const chatTimes: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const started = performance.now();
    classify(chat);
    chatTimes.push(performance.now() - started);
  }
  const loadMs = median(loads);
  const classifyMs = median(times);
  const chatMs = median(chatTimes);
  return [
    { name: 'classify: model load (read + parse + decode)', value: loadMs, unit: 'ms', target: '≤ 50 ms', ok: loadMs <= 50 },
    { name: 'classify: median time, 2 KB e-mail', value: classifyMs, unit: 'ms', target: '≤ 1 ms', ok: classifyMs <= 1 },
    { name: 'classify: median time, one-line chat message', value: chatMs, unit: 'ms', target: '≤ 1 ms', ok: chatMs <= 1 },
    { name: 'classify: model size', value: raw.length / 1024, unit: 'KB' },
    { name: 'classify: model size gzipped', value: gz / 1024, unit: 'KB', target: '≤ 400 KB', ok: gz <= 400 * 1024 },
    ...quality(),
  ];
}) satisfies Bench;
