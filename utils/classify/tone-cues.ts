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

/** Where a sentence starts: the text's start, after . ! ? ; or a line break, after a greeting. */
const SENTENCE = String.raw`(?:^|[.!?;]\s+|\n)\s*(?:(?:hi|hello|hey|hiya|ok|okay|so|also|and|quick question|question|just wondering|sorry)[,:!. -]+)?(?:@\w+\s+)?`;
const cue = (source: string, flags = 'i') => new RegExp(source, flags);

/**
 * Cues that carry across companies and industries (issue 16): the form of the sentence (a question
 * about how, when, what or whether; permission; a request to the agent), modality (need, want),
 * what happened (a failure, in the past tense), and tone (dissatisfaction, blame aimed at "you",
 * recurrence, exasperation). Domain vocabulary is left to the hashed words.
 */
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
    name: 'how_question',
    reason: 'asks how something works or is done',
    pattern: cue(String.raw`${SENTENCE}(?:how (?:do|does|can|could|should|would|will|is|are|long|much|many|often|soon|early|late|far|big)|how's|how to)\b`),
  },
  {
    name: 'wh_question',
    reason: 'asks when, what, where or which',
    pattern: cue(String.raw`${SENTENCE}(?:what(?!'?s? (?:a|an|the hell|the point|going on)\b)|what's|whats|when|when's|where|where's|which|who|whose)\b`),
  },
  {
    name: 'yes_no_question',
    reason: 'asks whether',
    pattern: cue(String.raw`${SENTENCE}(?:is|are|does|do|did|was|were|will|would|has|have|should|isn't|aren't|doesn't)\b(?! you (?:please|kindly)\b)(?!(?: you)? (?:people|guys|lot)\b)[^.!?\n]{0,120}\?|\b(?:i was wondering|wondering) (?:if|whether)\b|\bwhether\b`),
  },
  {
    name: 'permission_question',
    reason: 'asks whether they can',
    pattern: cue(String.raw`${SENTENCE}(?:can|could|may|might) (?:i|we|my \w+|kids|children|dogs|pets|guests)\b|\b(?:am i|are we) (?:able|allowed)\b|\bis it (?:possible|ok|okay|allowed)\b|\bam i eligible\b`),
  },
  {
    name: 'request_to_agent',
    reason: 'asks for something to be done',
    pattern: cue(String.raw`\b(?:can|could|would|will) you (?:please |kindly |just )?(?!tell|let me know|explain|confirm (?:if|whether)|advise)(?:\w+)|\b(?:please|pls|plz|kindly)\b|${SENTENCE}(?:cancel|change|update|send|resend|reset|add|remove|refund|book|rebook|move|renew|close|block|freeze|unlock|fix|replace|switch|upgrade|downgrade|transfer|delete|pause|skip|reschedule|arrange|redirect|check|sort|stop|activate|reactivate|restore|reissue|unsubscribe|apply|credit|waive|return|collect|swap|exchange|send me)\b`),
  },
  {
    name: 'need_or_want',
    reason: 'says what they need',
    pattern: /\b(?:i|we) (?:need|want|would like|'d like|d like|must|have to|have got to|got to)\b(?! to know\b)|\bneed (?:a|an|my|the|to) (?:new|replacement|copy|refund|engineer|someone)\b/i,
  },
  {
    name: 'problem_statement',
    reason: 'reports a problem',
    pattern: /\b(?:i|we)(?: still)? (?:can ?not|can't|cant|am unable|'m unable|are unable|am not able|keep getting|keep being|get an? error|got an? error|was locked|am locked|'m locked|have lost|lost my|forgot|forgotten)\b|\b(?:does ?n[o']t|do ?n[o']t|did ?n[o']t|is ?n[o']t|won'?t|will not|wo?uldn'?t) (?:work|load|open|start|let me|accept|go through|connect|sync|print|turn on|charge|update)\w*|\b(?:not working|stopped (?:working|charging|loading|syncing|connecting|responding)|keeps? (?:crashing|freezing|failing|logging me out|dropping|disconnecting|restarting|rebooting|going offline|cutting out)|goes offline|drops out|error (?:message|code)|was declined|got declined|failed|locked out|greyed out|no longer works)\b/i,
  },
  {
    name: 'failure_report',
    reason: 'says something failed',
    pattern: /\b(?:has ?n[o']t|has not|have ?n[o']t|have not|did ?n[o']t|did not|never|still not|not yet) (?:\w+ )?(?:arrived|come|came|turned up|shown up|appeared|been (?:delivered|refunded|applied|processed|sent|updated|fixed|collected|credited|paid|added|received))\b|\b(?:is ?n[o']t|is not|are ?n[o']t|are not|not) (?:working|loading|arriving|showing|connecting|charging|opening|printing|scanning|going through|accepted|valid)\b|\b(?:won'?t|will not|wouldn'?t|would not|can'?t|cannot|doesn'?t|does not) (?:\w+ ){0,2}(?:open|load|start|turn on|connect|work|accept|let me|scan|print|download|update|release|restart|submit|go through|arrive|show|come through|pay)\b|\bkeeps? \w+ing\b|\bstopped \w+ing\b|\berror\b|\b(?:was|were|got|been|being|i'?ve been|am being) (?:charged|billed|debited|taken) (?:twice|two times|double|incorrectly|the wrong|for (?:a|an|the|something|two))|\b(?:double|over)[- ]?charged\b|\bcharged twice\b|\b(?:arrived|came|delivered|turned up) (?:damaged|broken|cracked|smashed|late|open|opened|wet|crushed|without|with (?:a|the) (?:wrong|missing))\b|\b(?:missing|wrong) (?:item|items|size|colour|color|order|part|parts|address|amount|date|name)\b|\b(?:no|zero) (?:signal|internet|wifi|wi-fi|water|power|electricity|hot water|heating|service|connection|dial tone)\b|\bout of order\b|\b(?:is|are|'s|went|gone) down\b|\b(?:was|were) (?:supposed|meant|due) to (?:arrive|be|come|go|get|start|happen)\b|\bshould have (?:arrived|been|come)\b|\bstill waiting (?:for|on)\b|\b(?:arrived|came|turned up|delivered) (?:\w+ )?(?:days?|weeks?|hours?) late\b|\blocked out\b|\bstuck (?:on|at|in)\b|\b(?:broken|cracked|smashed|faulty|damaged|snapped|ripped|torn|leaking|blocked|frozen|stuck)\b|\b(?:lost|stolen)\b/i,
  },
  {
    name: 'dissatisfaction',
    reason: 'expresses dissatisfaction',
    pattern: /\b(?:disappoint\w*|unacceptable|appall\w*|disgust\w*|terrible|awful|horrible|dreadful|worst|ridiculous|outrageous|furious|angry|livid|fed up|sick (?:and tired )?of|had enough|not (?:at all )?(?:happy|satisfied|impressed|good enough|acceptable|ok|okay|worth)|unhappy|dissatisfied|poor (?:show|service|quality|customer service|experience|communication)|(?:very|really|pretty|so) poor|rude|unprofessional|incompetent|never again|waste of|a joke|absolute joke|shocking|let down|misled|misleading|lied|mis-?sold|no apology|how (?:dare|is (?:it|this|that) acceptable)|shameful|disgrace\w*|pathetic|useless|frustrat\w*|annoy\w*|infuriat\w*|irritat\w*|upset\w*|insult\w*|treated (?:me |us )?like|ignored|rubbish|shambles|nightmare|rip[- ]?off|ripped off|cheated|daylight robbery|sneaky|filthy|unhelpful|couldn'?t care less|(?:didn'?t|don'?t|do not|did not) (?:even )?care|should be ashamed|do better|sort (?:it|this|your \w+) out|come on|can'?t believe|unbelievable|gone downhill|worse than|lost a customer|done with you|avoid|appalled|not impressed|gross|expected (?:much |a lot |far )?better|used to be (?:good|great|better|reliable)|not what (?:i|we) paid for|for the price|#fail|epic fail|no excuse)\b|#fail\b/i,
  },
  {
    name: 'broken_promise',
    reason: 'says a promise was broken',
    pattern: /\b(?:paid (?:for|extra for|good money|a premium)|(?:was|were) promised|you promised|supposed to be|meant to be|(?:is|isn't|isnt|wasn't) (?:even )?(?:unlimited|free|included)\b(?= at all)|another (?:day|week|month|year), another)\b|\b(?:'|")(?:unlimited|free|express|next[- ]day|premium|luxury|guaranteed|fast)(?:'|")/i,
  },
  {
    name: 'blame_you',
    reason: 'blames the company',
    pattern: /\byou(?:'ve| have| guys| lot| people| all)? (?:\w+ )?(?:charged|overcharged|cancell?ed|sent|lost|promised|changed|took|taken|kept|keep|never|didn'?t|did not|failed|forgot|ignored|refused|sold|lied|messed|broke|ruined|left|raised|put|removed|cut|gave|told|made|moved|delayed|damaged|missed|wasted|expect|owe)\b/i,
  },
  {
    name: 'recurrence',
    reason: 'says it keeps happening',
    pattern: /\b(?:again|yet again|once again|every (?:single )?time|always|constantly|every (?:day|week|month|evening|morning)|keeps? happening|(?:third|fourth|fifth|3rd|4th|5th) (?:time|week|month|day) (?:in a row|running)?|in a row|as usual|same (?:thing|problem|issue)|for (?:weeks|months))\b/i,
  },
  {
    name: 'exasperation',
    reason: 'sounds exasperated',
    pattern: /\?\?|\?!|!!|\b(?:seriously|honestly|ffs|omg|ugh|smh|unreal|great work|well done|brilliant|thanks for nothing|cheers for (?:that|nothing)|what a)\b|\u{1F644}|\u{1F621}|\u{1F92C}|\u{1F624}|\u{1F44E}|\u{1F620}|\u{1F612}|\u{1F926}/iu,
  },
  {
    name: 'past_event',
    reason: 'describes what happened',
    pattern: /\b(?:was|were|got|had|arrived|came|charged|sent|took|received|paid|ordered|booked|bought|delivered|cancell?ed|told|said|tried|went|left|waited|gave|made)\b/i,
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
