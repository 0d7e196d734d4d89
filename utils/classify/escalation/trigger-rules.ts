/**
 * How a kind's lexicon is written and matched. A trigger is a pattern over the lower-case reading
 * of the message (masked words already read); a match raises the kind unless it is negated, sits
 * in the if-part of a hypothetical, lies in a signature or title line, or overlaps one of the
 * trigger's innocent senses ("fire pit", "regulated by the FCA", "can't recall the date").
 */
import { isHypothetical, isNegated, sentenceAround } from './innocent-context';
import type { EscalationKind } from './kinds';

export interface Trigger {
  re: RegExp;
  /** The pattern carries its own negation ("no one has replied", "without my consent"). */
  keepWhenNegated?: boolean;
  /** Innocent senses: a match of one of these in the same sentence that overlaps the trigger excuses it. */
  unless?: RegExp[];
  /** Innocent contexts: the trigger is ignored when its sentence matches one of these anywhere. */
  quietIn?: RegExp[];
  /**
   * A broad vocabulary trigger (one word is enough): not raised by a subject line, which names a
   * topic ("Recall?", "Press trip"), and a negation counts further back in the clause.
   */
  broad?: boolean;
  /** The trigger counts only if its sentence (or the whole message) also matches this. */
  needs?: RegExp;
  needsIn?: 'sentence' | 'message';
}

export interface KindLexicon {
  kind: EscalationKind;
  triggers: Trigger[];
  /** Innocent senses shared by all the kind's triggers. */
  unless?: RegExp[];
}

/** Builds a trigger from a pattern source (alternatives joined by "|"); matching is global. */
export function trigger(source: string | string[], options: Omit<Trigger, 're'> = {}): Trigger {
  const text = Array.isArray(source) ? source.join('|') : source;
  return { re: new RegExp(text, 'g'), ...options };
}

export interface MatchContext {
  /** The lower-case reading. */
  text: string;
  /** Reading index → original index. */
  origin: number[];
  original: string;
  /** Reading ranges to leave out (signature and title lines). */
  ignored: { start: number; end: number }[];
  /** Where the body starts in the reading (after the subject line). */
  bodyStart: number;
}

const overlaps = (a: { start: number; end: number }, s: number, e: number) => a.start < e && s < a.end;

/** Global copies of the innocent-sense patterns, made once. */
const GLOBAL = new WeakMap<RegExp, RegExp>();
const globalOf = (p: RegExp): RegExp => {
  let g = GLOBAL.get(p);
  if (!g) {
    g = new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`);
    GLOBAL.set(p, g);
  }
  return g;
};

function excused(patterns: RegExp[] | undefined, text: string, sentence: { start: number; end: number }, s: number, e: number): boolean {
  if (!patterns) return false;
  const around = text.slice(sentence.start, sentence.end);
  for (const p of patterns) {
    const re = globalOf(p);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(around)) !== null) {
      const start = sentence.start + m.index;
      if (start < e && s < start + m[0].length) return true;
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return false;
}

/** The customer's words that raise `lexicon.kind`, as written, at most `limit` distinct ones. */
export function wordsRaising(lexicon: KindLexicon, context: MatchContext, limit = 3): string[] {
  const { text, origin, original, ignored, bodyStart } = context;
  const found: string[] = [];
  const seen = new Set<string>();
  // Original spans already cited: a longer or shorter phrase over the same words is not cited again.
  const cited: { start: number; end: number }[] = [];
  for (const t of lexicon.triggers) {
    t.re.lastIndex = 0;
    for (const m of text.matchAll(t.re)) {
      if (m[0].trim() === '') continue;
      const s = m.index ?? 0;
      const e = s + m[0].length;
      if (ignored.some((r) => overlaps(r, s, e))) continue;
      if (t.broad && s < bodyStart) continue;
      const sentence = sentenceAround(text, s);
      if (excused(t.unless, text, sentence, s, e) || excused(lexicon.unless, text, sentence, s, e)) continue;
      if (t.quietIn && t.quietIn.some((q) => q.test(text.slice(sentence.start, sentence.end)))) continue;
      if (t.needs) {
        const scope = t.needsIn === 'message' ? text : text.slice(sentence.start, sentence.end);
        if (!t.needs.test(scope)) continue;
      }
      if (!t.keepWhenNegated && (isNegated(text, s, t.broad ? 10 : 6) || isHypothetical(text, s, e))) continue;
      const from = origin[s] ?? s;
      const to = origin[e] ?? e;
      if (cited.some((c) => c.start < to && from < c.end)) continue;
      const words = original
        .slice(from, to)
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[,;:]+$/, '');
      const key = words.toLowerCase();
      if (!words || seen.has(key)) continue;
      seen.add(key);
      cited.push({ start: from, end: to });
      found.push(words.length > 80 ? `${words.slice(0, 77)}…` : words);
      if (found.length >= limit) return found;
    }
  }
  return found;
}
