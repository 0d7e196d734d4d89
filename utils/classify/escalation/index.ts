/**
 * Escalation flags (procedure 004 §5.1 and the other procedures in ../shared/sop): nine kinds,
 * each raised from the customer's newest message and the subject with the words that raised it.
 * Masked and misspelt words are read first ("f***ing", "sh!t", "idi0t"); negations,
 * hypotheticals, signatures and job titles, quoted history and routing talk do not raise flags.
 * The lexicons are written from the procedures and general knowledge of each hazard (./lexicons);
 * they reach this code as data (./lexicon-file). See docs/classifier.md for how they were checked.
 */
import { dropSalutation, prepareText } from '../prepare-text';
import { titleLines } from './innocent-context';
import { ESCALATION_KINDS, KIND_LABELS, type Escalation, type EscalationFlag } from './kinds';
import { escalationLexicons } from './lexicon-file';
import { readMaskedWords } from './read-masked-words';
import { wordsRaising } from './trigger-rules';

export { ESCALATION_KINDS, KIND_LABELS, type Escalation, type EscalationFlag, type EscalationKind } from './kinds';

/** The subject without "Re:", "Fwd:", "AW:" prefixes. */
export const cleanSubject = (subject: string): string =>
  (subject ?? '').slice(0, 500).replace(/^(?:\s*(?:re|fwd?|aw|wg|tr|sv|antw|rv)\s*(?:\[\d+\])?\s*:\s*)+/i, '').trim();

/** Earlier customer messages on the same issue at or above which "repeated contact" is raised. */
export const REPEATED_CONTACT_MESSAGES = 2;

function describe(flags: EscalationFlag[]): string[] {
  return flags.map((f) => {
    const parts = f.words.map((w) => `“${w}”`);
    if (f.earlierMessages !== undefined) parts.push(`${f.earlierMessages} earlier messages from the customer`);
    return `${KIND_LABELS[f.kind]}: ${parts.join(', ')}`;
  });
}

/**
 * Flags from a subject and a body already prepared with `keepSalutation` (classify prepares once).
 * `priorInboundCount` is how many earlier customer messages the case has.
 */
export function escalationFromPrepared(subject: string, preparedBody: string, priorInboundCount = 0): Escalation {
  const cleaned = cleanSubject(subject);
  const original = cleaned ? `${cleaned}\n${preparedBody}` : preparedBody;
  const reading = readMaskedWords(original);
  const bodyStart = cleaned ? cleaned.length + 1 : 0;
  // Title and signature lines of the body, as reading ranges.
  const toReading = (index: number) => {
    let lo = 0;
    let hi = reading.origin.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((reading.origin[mid] ?? 0) < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ignored = titleLines(preparedBody).map((r) => ({ start: toReading(bodyStart + r.start), end: toReading(bodyStart + r.end) }));
  const context = { text: reading.text, origin: reading.origin, original, ignored, bodyStart: toReading(bodyStart) };
  const flags: EscalationFlag[] = [];
  for (const lexicon of escalationLexicons()) {
    const words = wordsRaising(lexicon, context);
    const fromHistory = lexicon.kind === 'repeat' && priorInboundCount >= REPEATED_CONTACT_MESSAGES;
    if (words.length > 0 || fromHistory) flags.push({ kind: lexicon.kind, words, ...(fromHistory ? { earlierMessages: priorInboundCount } : {}) });
  }
  return { flagged: flags.length > 0, why: describe(flags), flags };
}

/** Flags a thread's newest customer message; `body` may be raw mail (text or HTML). */
export function detectEscalation(input: { subject: string; body: string; priorInboundCount?: number }): Escalation {
  return escalationFromPrepared(input.subject ?? '', prepareText(input.body ?? '', { keepSalutation: true }), input.priorInboundCount ?? 0);
}

/** Several messages' flags as one: kinds in order, words merged (at most three a kind). */
export function mergeEscalations(list: Escalation[]): Escalation {
  const byKind = new Map<string, EscalationFlag>();
  for (const e of list) {
    for (const f of e.flags) {
      const existing = byKind.get(f.kind);
      if (!existing) {
        byKind.set(f.kind, { ...f, words: [...f.words] });
        continue;
      }
      for (const w of f.words) if (existing.words.length < 3 && !existing.words.some((x) => x.toLowerCase() === w.toLowerCase())) existing.words.push(w);
      if (f.earlierMessages !== undefined) existing.earlierMessages = Math.max(existing.earlierMessages ?? 0, f.earlierMessages);
    }
  }
  const flags = ESCALATION_KINDS.map((kind) => byKind.get(kind)).filter((f): f is EscalationFlag => f !== undefined);
  return { flagged: flags.length > 0, why: describe(flags), flags };
}

export { dropSalutation };
