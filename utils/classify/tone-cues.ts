/**
 * Features a plain bag of words misses: sentiment from the AFINN-165 lexicon (with negation; see
 * classifier-data.ts for where it comes from),
 * question form, first-person problem statements, polite or imperative requests for a task,
 * and markers of dissatisfaction (the cues: tone-cue-list.ts). Each cue has a readable name used
 * in the reasons.
 */
import { sentimentLexicon, toneCues } from './classifier-data';
import type { Cue } from './tone-cue-list';
import { isWord } from './tokenize';

/** The dense features before the cues, in the model's order. */
const LEXICAL_DENSE = ['afinn_negative', 'afinn_positive', 'afinn_strong_negative', 'exclamations', 'capitals'];

/** Every dense feature's name, in the model's order, for a list of cues. */
export const denseNamesFor = (cues: readonly Cue[]): string[] => [...LEXICAL_DENSE, ...cues.map((c) => c.name)];

export interface ToneReading {
  values: number[];
  /** Cue name → the words that matched, for reasons. */
  matched: Map<string, string>;
}

/** Dense tone features of a prepared message, given its tokens and negation scope. */
export function readTone(text: string, tokens: string[], negated: boolean[]): ToneReading {
  let neg = 0;
  let pos = 0;
  let strong = 0;
  let words = 0;
  const afinn = sentimentLexicon();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (!isWord(t)) continue;
    words++;
    const raw = afinn.get(t);
    if (raw === undefined) continue;
    const score = negated[i] ? -raw * 0.5 : raw;
    if (score < 0) neg -= score;
    else pos += score;
    if (score <= -3) strong++;
  }
  const norm = Math.sqrt(Math.max(words, 4));
  let letters = 0;
  let upper = 0;
  let exclamations = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c === 33) exclamations++;
  }
  const capitals = letters >= 20 ? upper / letters : 0;
  const matched = new Map<string, string>();
  const cueValues = toneCues().map((cue) => {
    const m = cue.pattern.exec(text);
    if (!m) return 0;
    matched.set(cue.name, m[0].trim().toLowerCase());
    return 1;
  });
  const values = [
    Math.min(neg / norm, 3),
    Math.min(pos / norm, 3),
    Math.min(strong, 3) / 3,
    Math.min(exclamations, 5) / 5,
    capitals > 0.3 ? Math.min((capitals - 0.3) * 3, 1) : 0,
    ...cueValues,
  ];
  return { values, matched };
}
