/**
 * When words that usually raise a flag are used in an innocent sense: inside a negation ("we are
 * not planning to sue anyone", "none of the kids got hurt"), inside the if-part of a hypothetical
 * ("supposing the heater tipped over, would it cut out?"), or in a signature or job-title line
 * ("Compliance Lead, Arden Foods", "Legal Counsel"). Quoted history, forwarded mail and
 * disclaimers are already gone (prepare-text.ts). All functions work on the lower-case reading.
 */

/** Where the sentence holding `index` starts and ends (line breaks end sentences too). */
export function sentenceAround(text: string, index: number): { start: number; end: number } {
  let start = index;
  while (start > 0 && !/[.!?;\n]/.test(text[start - 1]!)) start--;
  let end = index;
  while (end < text.length && !/[.!?;\n]/.test(text[end]!)) end++;
  return { start, end };
}

const NEGATOR = /^(?:not|no|never|nobody|none|nothing|neither|nor|without|hardly|nunca|ni|sin|nadie|ningun[oa]?|ningún)$|n't$|^(?:cannot|dont|doesnt|didnt|wont|isnt|wasnt|arent|havent|hasnt|aint)$/;
/** Words after which an earlier negation no longer applies: a new subject or a new clause. */
const SCOPE_RESET = /^(?:but|however|although|though|yet|and|so|then|because|unless|until|otherwise|if|while|when|after|since|i'm|i'll|i've|i'd|we'll|we're|you're|you'll|voy|vamos|iré|pondré|tomaré|acudiré|reclamaré|denunciaré|pero|y|o|si)$/;
/** A pronoun starts a new clause only as a subject, before a verb ("… I will sue"), not as an object ("take you to court"). */
const SUBJECT = /^(?:i|we|you|they|he|she)$/;
const AUXILIARY = /^(?:will|would|shall|should|can|could|may|might|must|am|are|is|was|were|have|has|had|do|does|did|need|want|go|get|got|think|know|intend|plan|'ll|'d)$/;
/**
 * A hedged threat is still a threat: "I don't want to have to take legal action", "I hope I won't
 * need to go to the ombudsman", "I won't hesitate to contact my solicitor", "no choice but to".
 */
const HEDGED_THREAT = /(?:do ?n[o']t|do not|would ?n[o']t|would not|wouldn't) (?:want|wish|like) to (?:have to|be forced to|resort to|involve)|hope (?:i|we) (?:do ?n[o']t|don't|won't|will not|wo ?n't) (?:have|need) to|rather not (?:have to|involve|resort)|(?:not|won't|will not|wo n't) hesitate|no (?:choice|option|alternative) (?:but|than)|nothing (?:left|else) (?:but|to do but)|not afraid to|no hesitation/;

/**
 * True when the words at [start, …) sit inside a negation: a negator up to five words before them
 * in the same clause, with no new subject or conjunction in between ("we have no plans to involve
 * a lawyer" – yes; "if it isn't refunded I will sue" – no, "I" starts a new clause).
 */
export function isNegated(text: string, start: number, window = 6): boolean {
  const sentence = sentenceAround(text, start);
  const before = text.slice(sentence.start, start);
  if (HEDGED_THREAT.test(before.slice(-80))) return false;
  const words = before.match(/[a-z'áéíóúñü]+|,/g) ?? [];
  let seen = 0;
  for (let i = words.length - 1; i >= 0 && seen < window; i--) {
    const w = words[i]!;
    if (w === ',' || SCOPE_RESET.test(w)) return false;
    if (SUBJECT.test(w) && AUXILIARY.test(words[i + 1] ?? '')) return false;
    // "not only did it catch fire" is not a negation.
    if (NEGATOR.test(w) && !/^(?:only|just|even)$/.test(words[i + 1] ?? '')) return true;
    seen++;
  }
  return false;
}

/** Openers of a hypothetical or conditional clause. */
const CONDITIONAL = /\b(?:if|in case(?: of)?|in the event(?: of| that)?|what if|suppose|supposing|hypothetically|should (?:there|it|i|my|the|anything)|were (?:there|it|i)|si|en caso de)\b/g;
/**
 * Where a conditional clause ends and the main clause begins: a comma, "then", or a subject with a
 * verb of intent ("if it isn't fixed I will sue" – the threat is in the main clause).
 */
const MAIN_CLAUSE = /[,:;]|\bthen\b|\b(?:i|we|you|they|he|she|who|what|how|would|will|could|can|does|do|is|are)\s+(?:will|'ll|shall|am|'m|are|'re|would|'d|should|could|can|do|does|is|have|has|get|i|you|we|they|it|my|the|be|need|must|going|gonna)\b|\b(?:i'll|we'll|i'm|we're|i'd|we'd|i've)\b|\b(?:voy|vamos|iré|pondré|tomaré|acudiré|reclamaré|denunciaré|pienso)(?![a-záéíóúñ])/g;

/**
 * True when [start, …) lies inside the if-part of a conditional in its sentence: "say the
 * charger overheated, is it covered?", "should there ever be a leak of customer data, who would
 * tell us?". A threat in the main clause ("unless it's fixed by May I'll ring the ombudsman") is
 * not hypothetical.
 */
export function isHypothetical(text: string, start: number, end = start): boolean {
  const sentence = sentenceAround(text, start);
  const before = text.slice(sentence.start, start);
  let opener = -1;
  for (const m of before.matchAll(CONDITIONAL)) opener = (m.index ?? 0) + m[0].length;
  if (opener < 0) return false;
  // A hypothetical question: "if I had a complaint, how would I take it further?"
  const whole = text.slice(sentence.start, Math.min(text.length, sentence.end + 1));
  if (/\?\s*$/.test(whole) && /\b(?:would|could|might|should)\b/.test(text.slice(sentence.start + opener, sentence.end))) return true;
  // Up to the end of the matched words: "if it isn't refunded I will sue" has its main clause in them.
  const between = text.slice(sentence.start + opener, Math.max(start, end));
  MAIN_CLAUSE.lastIndex = 0;
  return !MAIN_CLAUSE.test(between);
}

/** Job titles, for signature and title lines. */
const TITLE = /\b(?:officer|manager|director|counsel|solicitor|lawyer|attorney|barrister|paralegal|engineer|lead|coordinator|co-ordinator|editor|journalist|reporter|correspondent|ceo|cfo|cto|coo|cio|founder|co-founder|partner|chair|chairman|chairwoman|chairperson|president|vice president|vp|head of [a-z&, ]+|consultant|assistant|pa to|secretary|administrator|advisor|adviser|specialist|analyst|executive|owner|proprietor|trustee|principal|nurse|doctor|surgeon|anaesthetist|paramedic|inspector|auditor|clerk|abogad[oa]|director[a]?)\b/i;
const PERSONAL = /\b(?:i|i'm|i've|me|my|we|we're|our|us|you|your|please|thanks)\b/i;
/** Signature and title lines have no verb; "Lawyer's been instructed." is a sentence. */
const VERBISH = /\b(?:is|are|was|were|been|be|has|have|had|will|would|shall|can|could|did|does|do|said|told|sent|wants?|needs?)\b|'s been|'ve\b|'ll\b|'re\b/i;

/**
 * Ranges of lines that are a sender's job title or signature block rather than the message: a
 * short line with a job title and no "I/you/please" ("R. Iqbal | Fleet Safety Lead | Norcross
 * Haulage", "Communications Officer, Wexcombe Council"). A title line right under a "Dear …"
 * salutation names the addressee ("Dear Ms Okafor, / Chief Executive, Lakeside Homes") and is kept.
 */
export function titleLines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  let previous = '';
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const words = trimmed.split(/\s+/).filter(Boolean).length;
    const opening = /^(?:dear|hi|hello|estimad[oa]s?|querid[oa]s?|hola|asunto|subject|re|fao|f\.a\.o|attn|attention|to|for the attention|a la atenci[oó]n)\b/i.test(trimmed) || /:$/.test(trimmed);
    const isTitle = !opening && words > 0 && words <= 10 && trimmed.length <= 90 && TITLE.test(trimmed) && !PERSONAL.test(trimmed) && !VERBISH.test(trimmed) && !/[?]$/.test(trimmed) && !/\.\s/.test(trimmed);
    const addressee = /^(?:dear|to|fao|attn|attention|for the attention of|estimad[oa])\b/i.test(previous.trim());
    if (isTitle && !addressee) out.push({ start: at, end: at + line.length });
    if (trimmed) previous = trimmed;
    at += line.length + 1;
  }
  return out;
}
