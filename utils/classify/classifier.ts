/**
 * The thread classifier: inquiry, complaint or support, on the device, with the words that
 * decided, escalation flags and learning from agents' corrections. Synchronous once its data
 * (the model produced by `npm run train:classifier`, see docs/classifier.md, and the sentiment
 * lexicon) is provided: see classifier-data.ts. `./index` is this with the data bundled.
 */
import type { Category } from '../cases/events';
import { nearestCorrection, memoryVector, type Correction } from './corrections';
import { dropSalutation, escalationFromPrepared, type Escalation } from './escalation';
import { extractFeatures, isContentPair, isContentWord, pairHash, wordHash } from './features';
import { isWord } from './tokenize';
import { classifierModel, classifierWords, toneCues } from './classifier-data';
import { prepareText } from './prepare-text';
import { linearScores, softmax } from './score';
import { denseNamesFor } from './tone-cues';
import type { Cue } from './tone-cue-list';

export type Label = Category;
export type { Correction } from './corrections';
export type { Escalation, EscalationFlag, EscalationKind } from './escalation';
export { correctionFrom, CORRECTION_THRESHOLD } from './corrections';
export { detectEscalation, mergeEscalations, ESCALATION_KINDS, KIND_LABELS } from './escalation';
export { prepareText } from './prepare-text';

export interface Classification {
  label: Label;
  /** Calibrated probability of `label`, 0..1. */
  confidence: number;
  scores: Record<Label, number>;
  /** The words, phrases or cues that decided, most important first. */
  reasons: string[];
  escalation: Escalation;
}

export interface ClassifyOptions {
  /** Agents' earlier overrides (this install's and the team's). */
  corrections?: Correction[];
  /** Earlier customer messages on the same issue (two or more raise "repeated contact"). */
  priorInboundCount?: number;
}

/** Below this many words the model is not asked to be sure. */
const FEW_WORDS = 3;

function looksEnglish(text: string, tokens: string[]): boolean {
  const letters = text.replace(/[\s\d\p{P}\p{S}]/gu, '');
  if (letters.length === 0) return false;
  const latin = letters.replace(/[^A-Za-z\u00c0-\u024f]/g, '').length;
  if (latin / letters.length < 0.6) return false;
  const words = tokens.filter((t) => /^[a-z]/.test(t));
  if (words.length < 4) return true;
  // Common English words: word-lists.ts, provided with the classifier's data.
  const markers = classifierWords().englishMarkers;
  const known = words.filter((t) => markers.has(t)).length;
  return known / words.length >= 0.12;
}

function toScores(probs: number[]): Record<Label, number> {
  const model = classifierModel();
  const scores = { inquiry: 0, complaint: 0, support: 0 } as Record<Label, number>;
  model.labels.forEach((l, i) => (scores[l] = Number((probs[i] ?? 0).toFixed(4))));
  return scores;
}

/** Each cue's dense feature and reason, for the cues in use (made again only if other cues are provided). */
let cueInfo: { cues: readonly Cue[]; byName: Map<string, { d: number; reason: string }> } | undefined;
function cuesByName(): Map<string, { d: number; reason: string }> {
  const cues = toneCues();
  if (cueInfo?.cues !== cues) {
    const names = denseNamesFor(cues);
    cueInfo = { cues, byName: new Map(cues.map((c) => [c.name, { d: names.indexOf(c.name), reason: c.reason }])) };
  }
  return cueInfo.byName;
}

/**
 * A word worth naming: letters only, at least three of them, not a function word nor one too
 * plain to show an agent as a reason (word-lists.ts `plainWords`; reasons only).
 */
const isReadable = (t: string): boolean => t.length >= 3 && isContentWord(t) && !classifierWords().plainWords.has(t);

function explain(features: ReturnType<typeof extractFeatures>, winner: number): string[] {
  const model = classifierModel();
  const k = model.labels.length;
  const weights = model.weights;
  // How much a word or pair pushes the winner above the mean of the others (sign included).
  const lift = (h: number) => {
    const base = (h & (model.buckets - 1)) * k;
    let others = 0;
    for (let c = 0; c < k; c++) if (c !== winner) others += weights[base + c] ?? 0;
    const amount = ((weights[base + winner] ?? 0) - others / (k - 1)) * model.scale;
    return h >>> 31 === 1 ? -amount : amount;
  };
  const seen = new Set<number>();
  const best = new Map<string, number>();
  let previous = '<s>';
  // The opening 400 tokens are plenty to name the deciding words.
  const tokens = features.tokens.length > 400 ? features.tokens.slice(0, 400) : features.tokens;
  for (const token of tokens) {
    const word = isWord(token);
    if (isReadable(token)) {
      const h = wordHash(token);
      if (!seen.has(h)) {
        seen.add(h);
        const amount = lift(h);
        if (amount > 0) best.set(token, amount);
      }
    }
    // Only pairs of two words with at least one readable word ("copy of", "not happy"): never
    // punctuation (". i", "on .") or two function words ("and a"), which mean nothing to an agent.
    if (word && isWord(previous) && isContentPair(previous, token) && (isReadable(previous) || isReadable(token))) {
      const h = pairHash(previous, token);
      if (!seen.has(h)) {
        seen.add(h);
        const amount = lift(h);
        if (amount > 0) best.set(`${previous} ${token}`, amount);
      }
    }
    previous = token;
  }
  const contributions = [...best].map(([text, amount]) => ({ text, amount }));
  contributions.sort((a, b) => b.amount - a.amount || (a.text < b.text ? -1 : 1));
  const words: string[] = [];
  for (const c of contributions) {
    if (words.length >= 4) break;
    // Skip a single word already inside a chosen pair, and the other way round.
    if (words.some((w) => w.includes(c.text) || c.text.includes(w))) continue;
    words.push(c.text);
  }
  const reasons: string[] = [];
  const cueReasons: { text: string; amount: number }[] = [];
  const cueInfoByName = cuesByName();
  for (const [name, matched] of features.cues) {
    const d = cueInfoByName.get(name)?.d ?? -1;
    const mine = model.dense[winner]?.[d] ?? 0;
    const others = model.dense.reduce((s, row, c) => (c === winner ? s : s + (row[d] ?? 0) / (k - 1)), 0);
    if (mine - others > 0.2) cueReasons.push({ text: `${cueInfoByName.get(name)?.reason ?? name}: “${matched}”`, amount: mine - others });
  }
  cueReasons.sort((a, b) => b.amount - a.amount);
  reasons.push(...cueReasons.slice(0, 2).map((c) => c.text));
  if (words.length > 0) reasons.push(`words: ${words.map((w) => `“${w}”`).join(', ')}`);
  return reasons;
}

export function classify(input: { subject: string; body: string }, options: ClassifyOptions = {}): Classification {
  const model = classifierModel();
  // "Re:", "Fwd:", "AW:" say where the thread is, not what it is about.
  const subject = (input.subject ?? '').slice(0, 500).replace(/^(?:\s*(?:re|fwd?|aw|wg|tr|sv|antw)\s*(?:\[\d+\])?\s*:\s*)+/i, '');
  // Prepared once: the escalation reader keeps a formal salutation ("Dear Chief Executive,"),
  // the model does not see it (the same text as prepareText(body)).
  const withSalutation = prepareText(input.body ?? '', { keepSalutation: true });
  const body = dropSalutation(withSalutation);
  const text = subject.trim() ? `${subject.trim()}\n${body}` : body;
  const escalation = escalationFromPrepared(input.subject ?? '', withSalutation, options.priorInboundCount ?? 0);
  const features = extractFeatures(text);

  if (features.tokenCount === 0) {
    const foreign = /\p{L}{2}/u.test(text);
    return {
      label: 'inquiry',
      confidence: 0.34,
      scores: { inquiry: 0.34, complaint: 0.33, support: 0.33 },
      reasons: [foreign ? 'does not look like English: too little to decide' : 'too little text to decide'],
      escalation,
    };
  }

  let probs = softmax(linearScores(model, features.vector), model.temperature);
  let winner = probs.indexOf(Math.max(...probs));
  const reasons = explain(features, winner);
  let cap = 1;
  if (features.tokenCount < FEW_WORDS) {
    cap = 0.4;
    reasons.unshift('too little text to decide');
  } else if (!looksEnglish(text, features.tokens)) {
    cap = 0.4;
    reasons.unshift('does not look like English: low confidence');
  }

  if (options.corrections && options.corrections.length > 0) {
    const near = nearestCorrection(memoryVector(subject, input.body ?? ''), options.corrections);
    if (near) {
      const target = model.labels.indexOf(near.correction.label);
      const confidence = Math.min(0.99, Math.max(probs[target] ?? 0, 0.55 + 0.45 * near.similarity));
      const rest = 1 - (probs[target] ?? 0);
      probs = probs.map((p, i) => (i === target ? confidence : rest > 0 ? (p / rest) * (1 - confidence) : (1 - confidence) / 2));
      winner = target;
      return {
        label: near.correction.label,
        confidence: Number(confidence.toFixed(4)),
        scores: toScores(probs),
        reasons: [`corrected by an agent on a similar thread (similarity ${near.similarity.toFixed(2)})`],
        escalation,
      };
    }
  }

  if (cap < 1) {
    // Flatten towards uniform until the top score is at most the cap.
    const top = Math.max(...probs);
    if (top > cap) {
      const mix = (top - cap) / (top - 1 / probs.length);
      probs = probs.map((p) => p * (1 - mix) + mix / probs.length);
    }
  }
  const label = model.labels[winner] ?? 'inquiry';
  return {
    label,
    confidence: Number((probs[winner] ?? 0).toFixed(4)),
    scores: toScores(probs),
    reasons,
    escalation,
  };
}
