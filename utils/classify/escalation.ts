/**
 * Escalation flags (procedure 004 §5.1: legal or regulatory concerns go to a supervisor), raised
 * from the customer's newest message and the subject. Each flag names the words that raised it.
 * Context rules keep innocent uses quiet: "my lawyer asked for a copy of the invoice", "the
 * press-fit connector", "Fire TV stick", "power of attorney", and threats quoted from older mail
 * (preparation has already removed those).
 */
import { prepareText } from './prepare-text';

export interface Escalation {
  flagged: boolean;
  why: string[];
}

interface FlagRule {
  kind: string;
  patterns: RegExp[];
  /** A match is ignored when the text around it (±60 chars) matches one of these. */
  innocent?: RegExp[];
}

const RULES: FlagRule[] = [
  {
    kind: 'legal threat',
    patterns: [
      /\blegal (?:action|proceedings|steps|route|advice|claim)\b/i,
      /\b(?:take|taking|bring|bringing)\s+(?:you|this|the (?:matter|company|case)|[a-z]+ (?:bank|company))\s+to\s+(?:small claims\s+)?court\b/i,
      /\bsmall claims(?: court)?\b/i,
      /\bsee you in court\b/i,
      /\b(?:will|going to|gonna|intend to|plan to|shall|i'll|we'll|to|and|or|can|could|might|not afraid to) sue\b|\bsu(?:ing|ed) (?:you|your|the|them)\b/i,
      /\b(?:lawsuit|litigation|class action)\b/i,
      /\b(?:my|a|our|the family(?:'s)?)\s+(?:lawyer|lawyers|solicitor|solicitors|attorney|attorneys|legal team)\s+(?:will|shall|is going to|are going to|has been instructed|have been instructed|is now|are now|is aware|will be in touch|will be contacting)\b/i,
      /\b(?:contact(?:ing|ed)?|consult(?:ing|ed)?|speak(?:ing)? (?:to|with)|spoke (?:to|with)|involve|involving|instruct(?:ing|ed)?|hire|hiring|hand(?:ing)? (?:this|it) (?:over )?to|pass(?:ing)? (?:this|it) (?:on )?to|get(?:ting)?|engag(?:e|ing|ed))\s+(?:my|a|an)\s+(?:lawyer|solicitor|attorney|legal team|legal counsel)\b/i,
      /\b(?:breach of contract|consumer rights act|letter before action|fdcpa|fcra|in violation of (?:the )?law)\b/i,
      /\b(?:hear|hearing) from my (?:lawyer|solicitor|attorney)s?\b/i,
    ],
  },
  {
    kind: 'regulator',
    patterns: [
      /\bombudsm[ae]n\b/i,
      /\bcfpb\b|\bconsumer financial protection bureau\b/i,
      /\bfca\b|\bfinancial conduct authority\b/i,
      /\btrading standards\b/i,
      /\battorney general\b/i,
      /\bbbb\b|\bbetter business bureau\b/i,
      /\b(?:ftc|federal trade commission|ofcom|ofgem|ofwat|financial ombudsman|citizens advice|data protection (?:authority|commissioner)|information commissioner(?:'s office)?|consumer protection (?:agency|office|authority)|state regulator|banking regulator)\b/i,
      /\breport(?:ing|ed)? (?:you|this|your company|the company|it) to (?:the )?(?:regulator|authorities|police)\b/i,
    ],
    innocent: [
      /\b(?:fca|financial conduct authority)[- ](?:regulated|registered|authori[sz]ed|number|reference)\b/i,
      /\b(?:regulated|authori[sz]ed|registered) by the (?:fca|financial conduct authority)\b/i,
    ],
  },
  {
    kind: 'press or social media',
    patterns: [
      /\b(?:go(?:ing)?|went|take this|taking this|talk(?:ing)?|speak(?:ing)?|contact(?:ing)?|tell(?:ing)?|write to|writing to)\s+(?:to\s+)?(?:the\s+)?(?:press|media|newspapers?|local paper|news)\b/i,
      /\b(?:journalists?|reporters?|watchdog|consumer (?:programme|program|show))\b/i,
      /\b(?:post(?:ing)?|share|sharing|put(?:ting)?|write|writing|plaster(?:ing)?|tell(?:ing)?)\b[^.!?\n]{0,40}\b(?:on|all over|across)\s+(?:social media|twitter|x\.com|facebook|instagram|tiktok|reddit|trustpilot|youtube|linkedin)\b/i,
      /\b(?:go(?:ing)? public|go(?:ing)? viral|tell everyone i know|warn (?:other|everyone)|everyone will know)\b/i,
    ],
    innocent: [/\bpress[- ](?:fit|release|the\b|button|and hold)\b/i, /\bnews(?:letter|letters)\b/i],
  },
  {
    kind: 'safety or harm',
    patterns: [
      /\b(?:injur(?:y|ies|ed|ing)|hurt (?:my|his|her|their|our)|burn(?:s|ed|t)? (?:my|his|her|their|our|him|me)|burnt? (?:his|her|my) (?:hand|arm|finger|skin|face))\b/i,
      /\b(?:caught fire|on fire|set fire|fire hazard|burst into flames|flames|burning smell|smell(?:ed|s)? of burning|smoke (?:came|coming|pouring|started|billowing|from)|(?:started|began|was) smoking|exploded|explosion|sparks?|sparking)\b|\b(?:plug|socket|cable|wire|wiring|casing|charger|lead|adapter|battery|fuse)\b[^.!?\n]{0,30}\bmelt(?:ed|ing)\b/i,
      /\belectric(?:al|ity)? shock\b|\b(?:got|gave me|giving|received) a (?:nasty |bad )?shock\b|\belectrocuted\b/i,
      /\b(?:unsafe|dangerous|hazardous|a hazard|safety (?:issue|risk|concern|hazard))\b/i,
      /\b(?:ended up|taken|rushed|admitted|had to go|went|go|been|was|were) (?:in|to|into) (?:the )?(?:hospital|a&e|emergency room)\b|\b(?:ambulance|food poisoning|allergic reaction|anaphyla\w+|chok(?:ed|ing)|poisoned|gas leak|smell of gas|carbon monoxide)\b/i,
    ],
    innocent: [
      /\bfire ?(?:tv|stick|tablet|wall)\b/i,
      /\b(?:smoke|fire) (?:alarm|detector)s?\b/i,
      /\b(?:spark|sparks) (?:plan|mail|app|joy)\b/i,
      /\bhospital (?:appointment|parking|visit|letter)\b/i,
    ],
  },
  {
    kind: 'abusive language',
    patterns: [
      /\bstupid (?:cow|bitch|idiot|git|prat|moron|woman|man)\b/i,
      /\b(?:fuck\w*|f\*+k\w*|shit\w*|sh\*t\w*|bullshit|crap|bastards?|bloody useless|arseholes?|assholes?|dickheads?|wankers?|pricks?|scumbags?|bitch\w*|cunts?|piss(?:ed)? off)\b/i,
      /\b(?:you|your staff|your people|your team|you lot|bunch of|pack of|complete|utter|total)\s+(?:\w+\s+)?(?:idiots?|morons?|clowns?|imbeciles?|crooks|thieves|liars|criminals|frauds?|scammers|cowboys|incompetents?)\b/i,
      /\b(?:idiots|morons|imbeciles|scammers|crooks|thieves|liars)\b(?=[^.!?\n]{0,40}\b(?:you|your)\b)/i,
    ],
  },
  {
    // Procedure 004 §5.1: disputes that need a manager's intervention.
    kind: 'asks for a manager',
    patterns: [
      /\b(?:speak (?:to|with)|talk (?:to|with)|call from|hear from|escalate (?:this|it|my \w+) to) (?:a|your|the) (?:manager|supervisor|team leader|senior manager|someone more senior)\b/i,
      /\b(?:someone|somebody) more senior\b|\bescalate (?:this|my complaint|my case)\b/i,
    ],
  },
  {
    kind: 'repeated contact',
    patterns: [
      /\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|umpteenth|nth|hundredth)\s+(?:email|e-mail|message|letter|call|request|complaint|reminder)\b/i,
      /\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|umpteenth|nth|hundredth)\s+time\s+(?:(?:i|we)(?:'ve| have)?\s+(?:written|wrote|asked|called|rung|rang|phoned|contacted|emailed|e-mailed|chased|complained|reported|been in touch|had to (?:write|call|ask|chase))|(?:of\s+)?(?:asking|writing|contacting|chasing|calling|ringing|emailing))\b/i,
      /\b(?:written|wrote|emailed|e-mailed|called|rung|rang|phoned|contacted|asked|chased|messaged|complained|reported|been in touch|sent)\b[^.!?\n]{0,40}\b(?:several|multiple|many|numerous|countless|three|four|five|six|ten|\d+) (?:times|emails|e-mails|messages|letters|calls)\b/i,
      /\bevery (?:time|single time) i (?:ask|call|ring|phone|write|email|chase|contact)\b|\b(?:tired of|sick of|fed up (?:of|with)|keep|kept|having to|have to) chas(?:e|ing)\b/i,
      /\bstill (?:no|not (?:had|received|heard|got)|haven'?t (?:had|received|heard|got)|have not (?:had|received|heard|got)|waiting for (?:a|any) (?:reply|response|answer))\b/i,
      /\b(?:no one|nobody|no-one) (?:has|have|ever) (?:replied|responded|answered|got back|gotten back|called back)\b/i,
      /\b(?:yet again|again and again|over and over|chas(?:ed|ing) (?:this|you|up)|keep (?:having|getting) to (?:chase|write|call))\b/i,
      /\b(?:already|previously) (?:written|emailed|e-mailed|called|phoned|contacted|complained|reported|raised)\b[^.!?\n]{0,40}\b(?:times|twice|before|about this|last week|last month)\b/i,
    ],
    innocent: [/\bsecond (?:hand|class|floor|half|name|line|option|item|address|card|account)\b/i],
  },
];

const COMPILED_RULES: FlagRule[] = RULES.map((rule) => ({
  ...rule,
  patterns: rule.patterns.map((re) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)),
}));

function contextAround(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 60), Math.min(text.length, index + length + 60));
}

function findFlags(text: string): string[] {
  const why: string[] = [];
  for (const rule of COMPILED_RULES) {
    const found = new Set<string>();
    for (const pattern of rule.patterns) {
      for (const m of text.matchAll(pattern)) {
        const around = contextAround(text, m.index ?? 0, m[0].length);
        if (rule.innocent?.some((re) => re.test(around) && innocentCovers(re, around, m[0]))) continue;
        found.add(m[0].replace(/\s+/g, ' ').trim().toLowerCase());
      }
    }
    if (found.size > 0) why.push(`${rule.kind}: ${[...found].slice(0, 3).map((w) => `“${w}”`).join(', ')}`);
  }
  return why;
}

/** An innocent pattern only excuses a match it overlaps (e.g. "press-fit" excuses "press"). */
function innocentCovers(innocent: RegExp, around: string, matched: string): boolean {
  const m = innocent.exec(around);
  if (!m) return false;
  const innocentText = m[0].toLowerCase();
  const matchedText = matched.toLowerCase();
  return innocentText.includes(matchedText) || matchedText.includes(innocentText) || overlaps(around.toLowerCase(), innocentText, matchedText);
}

function overlaps(text: string, a: string, b: string): boolean {
  const ia = text.indexOf(a);
  const ib = text.indexOf(b);
  if (ia < 0 || ib < 0) return false;
  return ia < ib + b.length && ib < ia + a.length;
}

/**
 * Flags a thread for escalation. `body` may be raw (it is prepared here); `priorInboundCount` is
 * how many earlier customer messages the case has on the same issue (two or more = repeated).
 */
export function detectEscalation(input: { subject: string; body: string; priorInboundCount?: number }): Escalation {
  const text = `${input.subject ?? ''}\n${prepareText(input.body ?? '')}`;
  return detectEscalationInPrepared(text, input.priorInboundCount);
}

/** The same on text that is already prepared (classify prepares once). */
export function detectEscalationInPrepared(text: string, priorInboundCount = 0): Escalation {
  const why = findFlags(text);
  if (priorInboundCount >= 2 && !why.some((w) => w.startsWith('repeated contact'))) {
    why.push(`repeated contact: ${priorInboundCount} earlier messages from the customer`);
  }
  return { flagged: why.length > 0, why };
}
