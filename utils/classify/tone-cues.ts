/**
 * Features a plain bag of words misses: sentiment from the AFINN-165 lexicon (with negation; see
 * classifier-data.ts for where it comes from),
 * question form, first-person problem statements, polite or imperative requests for a task,
 * and markers of dissatisfaction. Each cue has a readable name used in the reasons.
 */
import { sentimentLexicon } from './classifier-data';
import { isWord } from './tokenize';

export interface Cue {
  name: string;
  /** What the sidebar says when this cue decides. */
  reason: string;
  pattern: RegExp;
}

export const CUES: Cue[] = [
  {
    name: 'question',
    reason: 'asks a question',
    pattern: /^(?:how|what|when|where|which|who|why|is there|are there|is it|do you|does|did you|can i|could you tell|would you (?:be able to )?tell|will|are you|have you got|i (?:was )?wonder(?:ing)?|i'd like to know|i would like to know|please (?:let me know|tell me|advise|confirm))\b/im,
  },
  {
    name: 'info_request',
    reason: 'asks for information',
    pattern: /\b(?:how (?:much|long|many|do|does|can|to)|what (?:is|are|time|happens)|is it possible|are you open|opening hours|do you (?:sell|offer|have|ship|deliver|accept|charge)|price of|cost of|how soon|policy on|any information|more information|more details)\b/i,
  },
  {
    name: 'problem_statement',
    reason: 'reports a problem',
    pattern: /\b(?:i|we)(?: still)? (?:can ?not|can't|cant|am unable|'m unable|are unable|am not able|keep getting|keep being|get an? error|got an? error|was locked|am locked|'m locked|have lost|lost my|forgot|forgotten)\b|\b(?:does ?n[o']t|do ?n[o']t|did ?n[o']t|is ?n[o']t|won'?t|will not|wo?uldn'?t) (?:work|load|open|start|let me|accept|go through|connect|sync|print|turn on|charge|update)\w*|\b(?:not working|stopped (?:working|charging|loading|syncing|connecting|responding)|keeps? (?:crashing|freezing|failing|logging me out|dropping|disconnecting|restarting|rebooting|going offline|cutting out)|goes offline|drops out|error (?:message|code)|was declined|got declined|failed|locked out|greyed out|no longer works)\b/i,
  },
  {
    name: 'task_request',
    reason: 'asks for something to be done',
    pattern: /\b(?:please|kindly|could you|can you|would you|i need you to|i'd like you to)(?: please)? (?:change|update|cancel|reset|close|remove|add|send|resend|reissue|move|switch|transfer|unlock|reactivate|activate|delete|set up|amend|correct|upgrade|downgrade|stop|pause|arrange|book|renew|check|fix|repair|replace|look into|look at|sort out|investigate|restore|re-?connect|help me (?:to )?(?:get|set|fix|change|find))\b|\bi (?:need|want|would like|'d like) to (?:change|update|cancel|reset|close|remove|add|move|switch|transfer|unlock|delete|set up|amend|correct|upgrade|downgrade|pause|renew|order|book|register|open)\b/i,
  },
  {
    name: 'dissatisfaction',
    reason: 'expresses dissatisfaction',
    pattern: /\b(?:disappoint\w*|unacceptable|appall\w*|disgust\w*|terrible|awful|horrible|dreadful|worst|ridiculous|outrageous|furious|angry|livid|fed up|sick (?:and tired )?of|not (?:at all )?(?:happy|satisfied|impressed|good enough|acceptable)|unhappy|dissatisfied|poor (?:service|quality|customer service)|rude|unprofessional|incompetent|never again|waste of|a joke|shocking|let down|misled|lied|mis-?sold|no apology|how (?:dare|is (?:it|this) acceptable)|shameful|disgrace\w*|pathetic|useless|frustrat\w*|annoyed|upset|insult\w*|treated like|ignored)\b/i,
  },
  {
    name: 'redress',
    reason: 'wants redress',
    pattern: /\b(?:compensat\w*|money back|full refund|reimburse\w*|goodwill|an apology|make (?:this|it|things) right|formal complaint|complain(?:t|ing)? about|lodge a complaint|raise a complaint|file a complaint)\b/i,
  },
];

export const DENSE_NAMES = ['afinn_negative', 'afinn_positive', 'afinn_strong_negative', 'exclamations', 'capitals', ...CUES.map((c) => c.name)];

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
  const cueValues = CUES.map((cue) => {
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
