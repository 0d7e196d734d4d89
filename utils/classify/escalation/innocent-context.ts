/**
 * When words that usually raise a flag are used in an innocent sense: inside a negation ("we are
 * not planning to sue anyone", "none of the kids got hurt"), inside the if-part of a hypothetical
 * ("supposing the heater tipped over, would it cut out?"), or in a signature or job-title line
 * ("Compliance Lead, Arden Foods", "Legal Counsel"). Quoted history, forwarded mail and
 * disclaimers are already gone (prepare-text.ts). All functions work on the lower-case reading.
 * The words and phrases of the patterns are data (../phrase-lists.ts), provided with the
 * classifier's data; the patterns are built from them the first time they are needed.
 */

import { classifierPhrases } from '../classifier-data';
import type { ClassifierPhraseLists } from '../phrase-lists';

/** Where the sentence holding `index` starts and ends (line breaks end sentences too). */
export function sentenceAround(text: string, index: number): { start: number; end: number } {
  let start = index;
  while (start > 0 && !/[.!?;\n]/.test(text[start - 1]!)) start--;
  let end = index;
  while (end < text.length && !/[.!?;\n]/.test(text[end]!)) end++;
  return { start, end };
}

/** The patterns of this file; made again only if other phrase lists are provided. */
interface ContextPatterns {
  lists: ClassifierPhraseLists;
  negator: RegExp;
  /** Words after which an earlier negation no longer applies: a new subject or a new clause. */
  scopeReset: RegExp;
  /** A pronoun starts a new clause only as a subject, before a verb ("… I will sue"), not as an object ("take you to court"). */
  subject: RegExp;
  auxiliary: RegExp;
  /**
   * A hedged threat is still a threat: "I don't want to have to take legal action", "I hope I won't
   * need to go to the ombudsman", "I won't hesitate to contact my solicitor", "no choice but to".
   */
  hedgedThreat: RegExp;
  /** Openers of a hypothetical or conditional clause (global: the last one counts). */
  conditional: RegExp;
  /**
   * Where a conditional clause ends and the main clause begins: a comma, "then", or a subject with a
   * verb of intent ("if it isn't fixed I will sue" – the threat is in the main clause).
   */
  mainClause: RegExp;
  /** A course weighed and dropped: "I did think about going to the ombudsman, but I'm happy now". */
  considered: RegExp;
  /** A job title, for signature and title lines. */
  title: RegExp;
  personal: RegExp;
  /** Signature and title lines have no verb; "Lawyer's been instructed." is a sentence. */
  verbish: RegExp;
  /** A salutation or subject line: not a title line. */
  opening: RegExp;
  /** A line naming an addressee: the title line under it is theirs. */
  addressee: RegExp;
}

let made: ContextPatterns | undefined;

function patterns(): ContextPatterns {
  const lists = classifierPhrases();
  if (made?.lists === lists) return made;
  const any = (list: readonly string[]) => `(?:${list.join('|')})`;
  const whole = (list: readonly string[]) => new RegExp(`^${any(list)}$`);
  const word = (list: readonly string[], flags?: string) => new RegExp(`\\b${any(list)}\\b`, flags);
  const lineStart = (list: readonly string[]) => new RegExp(`^${any(list)}\\b`, 'i');
  made = {
    lists,
    negator: new RegExp(`^${any(lists.negators)}$|n't$|^${any(lists.bareNegations)}$`),
    scopeReset: whole(lists.scopeResets),
    subject: whole(lists.subjects),
    auxiliary: whole(lists.auxiliaries),
    hedgedThreat: new RegExp(lists.hedgedThreats.join('|')),
    conditional: word(lists.conditionalOpeners, 'g'),
    mainClause: new RegExp(
      `[,:;]|\\bthen\\b|\\b${any(lists.mainClauseStarts)}\\s+${any(lists.mainClauseVerbs)}\\b|\\b${any(lists.mainClauseContractions)}\\b|\\b${any(lists.mainClauseSpanishVerbs)}(?![a-záéíóúñ])`,
      'g',
    ),
    considered: new RegExp(`\\b${any(lists.consideredCourses)}\\b[^.!?;]{0,60}$`),
    title: word(lists.jobTitles, 'i'),
    personal: word(lists.personalWords, 'i'),
    verbish: new RegExp(`\\b${any(lists.lineVerbs)}\\b|'s been|'ve\\b|'ll\\b|'re\\b`, 'i'),
    opening: lineStart(lists.lineOpenings),
    addressee: lineStart(lists.addresseeOpenings),
  };
  return made;
}

/**
 * True when the words at [start, …) sit inside a negation: a negator up to five words before them
 * in the same clause, with no new subject or conjunction in between ("we have no plans to involve
 * a lawyer" – yes; "if it isn't refunded I will sue" – no, "I" starts a new clause).
 */
export function isNegated(text: string, start: number, window = 6): boolean {
  const { hedgedThreat, scopeReset, subject, auxiliary, negator } = patterns();
  const sentence = sentenceAround(text, start);
  const before = text.slice(sentence.start, start);
  if (hedgedThreat.test(before.slice(-80))) return false;
  const words = before.match(/[a-z'áéíóúñü]+|,/g) ?? [];
  let seen = 0;
  for (let i = words.length - 1; i >= 0 && seen < window; i--) {
    const w = words[i]!;
    if (w === ',' || scopeReset.test(w)) return false;
    if (subject.test(w) && auxiliary.test(words[i + 1] ?? '')) return false;
    // "not only did it catch fire" is not a negation.
    if (negator.test(w) && !/^(?:only|just|even)$/.test(words[i + 1] ?? '')) return true;
    seen++;
  }
  return false;
}

/**
 * True when [start, …) lies inside the if-part of a conditional in its sentence: "say the
 * charger overheated, is it covered?", "should there ever be a leak of customer data, who would
 * tell us?". A threat in the main clause ("unless it's fixed by May I'll ring the ombudsman") is
 * not hypothetical. A course weighed and dropped counts as hypothetical too ("I did think about
 * going to the ombudsman, but I'm happy now").
 */
export function isHypothetical(text: string, start: number, end = start): boolean {
  const { considered, conditional, mainClause } = patterns();
  const sentence = sentenceAround(text, start);
  const before = text.slice(sentence.start, start);
  if (considered.test(before) && /\bbut\b/.test(text.slice(end, sentence.end))) return true;
  let opener = -1;
  for (const m of before.matchAll(conditional)) opener = (m.index ?? 0) + m[0].length;
  if (opener < 0) return false;
  // A hypothetical question: "if I had a complaint, how would I take it further?"
  const whole = text.slice(sentence.start, Math.min(text.length, sentence.end + 1));
  if (/\?\s*$/.test(whole) && /\b(?:would|could|might|should)\b/.test(text.slice(sentence.start + opener, sentence.end))) return true;
  // Up to the end of the matched words: "if it isn't refunded I will sue" has its main clause in them.
  const between = text.slice(sentence.start + opener, Math.max(start, end));
  mainClause.lastIndex = 0;
  return !mainClause.test(between);
}

/**
 * Ranges of lines that are a sender's job title or signature block rather than the message: a
 * short line with a job title and no "I/you/please" ("R. Iqbal | Fleet Safety Lead | Norcross
 * Haulage", "Communications Officer, Wexcombe Council"). A title line right under a "Dear …"
 * salutation names the addressee ("Dear Ms Okafor, / Chief Executive, Lakeside Homes") and is kept.
 */
export function titleLines(text: string): { start: number; end: number }[] {
  const p = patterns();
  const out: { start: number; end: number }[] = [];
  let at = 0;
  let previous = '';
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const words = trimmed.split(/\s+/).filter(Boolean).length;
    const opening = p.opening.test(trimmed) || /:$/.test(trimmed);
    const isTitle = !opening && words > 0 && words <= 10 && trimmed.length <= 90 && p.title.test(trimmed) && !p.personal.test(trimmed) && !p.verbish.test(trimmed) && !/[?]$/.test(trimmed) && !/\.\s/.test(trimmed);
    const addressee = p.addressee.test(previous.trim());
    if (isTitle && !addressee) out.push({ start: at, end: at + line.length });
    if (trimmed) previous = trimmed;
    at += line.length + 1;
  }
  return out;
}
