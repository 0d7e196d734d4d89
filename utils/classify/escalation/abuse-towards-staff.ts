/**
 * Abuse or threats towards staff (the procedures' respect and professionalism rules: 000 §4.1,
 * 002 §7, 003 on angry customers): swearing (masked and misspelt forms are read first, see
 * read-masked-words.ts), insults aimed at the agent or colleagues, threats of violence or of
 * turning up at a shop or office. Not raised by insults customers aim at themselves ("silly me,
 * I'm such an idiot with passwords"), a treatment described as a simile ("spoken to like a
 * child"), mild words ("damn", "heck", "crap") or innocent spellings of place and food names.
 */
import { trigger, type KindLexicon } from './trigger-rules';

/** Strong swearing: abusive wherever it appears in a message to staff. */
const SWEARING = String.raw`\b(?:fuck\w*|motherfuck\w*|what the fuck|shut the fuck up|get the fuck out|for fuck's sake|shit|shits|shite|shitty|shitting|bullshit|shitbags?|shitheads?|shitshow|cunts?|wankers?|twats?|dickheads?|arseholes?|assholes?|bollocks|me cago en|hij[oa]s? de puta|joder|cabr[oó]n(?:es)?|gilipollas|capull[oa]s?|subnormal(?:es)?)`;

const INSULT = String.raw`(?:idiots?|morons?|imbeciles?|clowns?|cretins?|muppets?|numpties|numpty|halfwits?|retards?|retarded|scum|scumbags?|crooks|thieves|liars|criminals|cowboys|parasites|vultures|animals|pigs|bastards?|bitch(?:es)?|pricks?|tossers?|knobs?|losers?|jokers|wastes? of (?:space|oxygen|skin)|pathetic excuses? for (?:a )?(?:human beings?|people|a person|a company|staff)|brain[- ]?dead|thick|stupid|dumb|inútiles|ladrones|imb[eé]ciles|idiotas|estúpid[oa]s)`;

export const ABUSE_TOWARDS_STAFF: KindLexicon = {
  kind: 'abuse',
  triggers: [
    trigger(SWEARING, { keepWhenNegated: true }),
    trigger([
      // aimed at the reader or at staff
      String.raw`\b(?:you|you're|you are|u|ur|u r|ya|you lot|you people|you guys|y'all|sois|eres)(?: are| were| 're| all| both| just| a| an| such| an absolute| a complete| a total| an utter| unos| unas| un| una| absolutely| totally| completely| bloody| so| really| fucking| f\w+ing){0,4} (?:useless |lying |thieving |incompetent |jumped[- ]up |rude |bloody )?${INSULT}\b`,
      String.raw`\b(?:your|the|that|this) (?:so-called )?(?:staff|people|team|agents?|advisors?|advisers?|drivers?|engineers?|mechanics?|receptionists?|employees|workers|operators?|call centre|managers?|salesm[ae]n|rep|reps|guy|bloke|woman|girl|man|lady|lad|idiot|customer service (?:girl|guy|team|agent)|repartidor|dependient[ea]|comercial)(?: [\w']+){0,3}? (?:is|are|was|were|'s|'re|es|son|era) (?:a |an |such a |such an |just |all |absolute |complete |total |utter |un |una |unos |the )*(?:[\w'-]+ )?${INSULT}\b`,
      String.raw`\b(?:you|ya|you lot|you people|you guys|your (?:staff|team|people|drivers|engineers|agents))(?: [\w'-]+){0,2} (?:idiots|morons|imbeciles|clowns|cretins|muppets|numpties|halfwits|retards|scumbags|crooks|thieves|liars|cowboys|bastards|pricks|tossers|wankers|twats|losers|parasites)\b`,
      String.raw`\b(?:bunch|pack|load|shower|band|lot|gang|collection) of (?:[\w'-]+ )?(?:idiots|morons|imbeciles|clowns|cretins|muppets|numpties|halfwits|retards|scum|scumbags|crooks|thieves|liars|criminals|cowboys|incompetents|parasites|bastards|pricks|tossers|losers|jokers|monkeys|amateurs)\b`,
      String.raw`\b(?:absolute|complete|utter|total|bloody|useless|pathetic|f\w*ing|thieving|lying|incompetent) (?:idiots|morons|imbeciles|clowns|cretins|muppets|numpties|halfwits|retards|scumbags|crooks|thieves|liars|criminals|cowboys|bastards|pricks|tossers|wastes? of space)\b`,
      String.raw`\b(?:idiots|morons|imbeciles|cretins|scumbags|muppets)\b(?=[^.!?\n]{0,40}\b(?:you|your|staff|employ)\b)|\b(?:stupid|rude|silly|fat|ugly|useless) (?:cow|bitch|idiot|git|prat|moron|little (?:girl|boy|man|woman)|woman|girl|twat|prick)\b`,
      String.raw`\b(?:are|is) (?:you|your [\w']+) (?:too )?(?:stupid|thick|dumb|deaf|blind|illiterate|brain[- ]?dead|incompetent) (?:to|or)\b|\btoo (?:thick|stupid|dumb) to (?:read|understand|follow|do|count|spell)\b`,
      String.raw`\b(?:you|you're|you are|are you|you people|you lot|you guys|u|ur)(?: (?:people|lot|guys|all|just|really|actually|so|this|that|such|a|an|are|'re|really))* (?:stupid|thick|dumb|brainless|moronic|clueless|pathetic|useless|incompetent|worthless|spineless|gutless|idiotic)\b(?![^.!?\n]{0,12}\b(?:app|website|site|system|process|policy|form|bot|chatbot|product|service|machine|thing)\b)|\b(?:pathetic|incompetent|stupid|useless|silly|jumped[- ]up|pompous) little (?:man|woman|girl|boy|people|person|clerk|jobsworth)\b|\bjumped[- ]up\b|\bjobsworths?\b|\btrolley dolly|\btrolley dollies\b`,
      String.raw`\b(?:go to hell|rot in hell|piss off|get stuffed|shut up|drop dead|go (?:and )?die|get lost|sod off|bugger off|eat shit|kiss my)\b`,
    ], {
      unless: [
        /\b(?:i'm|i am|i was|i felt|i feel|i look|i looked|made me (?:feel|look)|i'm such|call me|me for) (?:like )?(?:a |an |such an? |a bit of an? |the )?(?:\w+ )?(?:idiot|moron|fool|muppet|numpty|thick|stupid|dumb)\b/,
        /\blike (?:a |an )?(?:idiot|moron|criminal|child|fool|animal|animals|idiots)\b/,
        /\b(?:shut up|get lost) (?:shop|about|in the post|in transit|somewhere|on the way)\b|\bthe parcel got lost\b|\bgot lost in\b/,
        /\b(?:rude|useless|thick|dumb|stupid|incompetent|lying|thieving) (?:\w+ )?(?:app|website|site|system|chatbot|bot|process|policy|form|machine|printer|router|box|product|design|thing|update|menu|service|software)\b/,
      ],
    }),
    // threats of violence or of turning up in person
    trigger([
      String.raw`\b(?:i|we)(?:'ll| will|'m going to| am going to|'m gonna| am gonna| gonna|'m coming| am coming) (?:come|go|be|get) (?:down|round|over|up|straight)? ?(?:there|to (?:the|your) (?:shop|store|office|branch|depot|surgery|showroom|garage|house|home|reception))\b(?=[^.!?\n]{0,60}\b(?:smash|sort|deal with|hurt|punch|kick|wreck|trash|find|teach|show|regret|make|wait|waiting)\b)`,
      String.raw`\b(?:smash|trash|wreck|torch|slash|burn) (?:up )?(?:the place|your \w+|his \w+|her \w+|their \w+|the (?:shop|van|car|office|store|branch))(?: (?:up|in|to pieces|down))?\b|\bknock (?:him|her|you|them) (?:\w+ )?out\b|\bburn (?:the place|your \w+|it) down\b|\b(?:i|we) know where (?:you|he|she|they|your \w+) (?:are|is|live|lives|work|works)\b|\bwatch (?:your|his|her) back\b`,
      String.raw`\b(?:you'll|he'll|she'll|they'll|you will|he will|she will|they will) (?:regret (?:it|this)|pay for (?:it|this))\b|\bmake (?:someone|somebody|you|them|him|her) pay\b|\bdeserves? (?:a slap|a smack|a punch|a kicking|a beating|to be (?:shot|hurt|punched|sacked and beaten))\b`,
      String.raw`\b(?:i'll|i will|i'm going to|i am going to|gonna|going to) (?:punch|slap|hit|kick|stab|shoot|kill|hurt|batter|deck|smack|strangle|knock (?:him|her|you) out|find|hunt down|track down) (?:you|him|her|them|someone|somebody|the (?:driver|manager|engineer|staff|agent|receptionist)|your \w+)\b`,
      String.raw`\b(?:be|i'll be|i will be) waiting (?:outside|for (?:you|her|him|them))\b|\bwaiting outside (?:the|your) \w+[^.!?\n]{0,20}\bfor (?:her|him|you|them)\b|\bir[ée] a buscar(?:le|la|te|os)\b|\bos vais a enterar\b|\bte vas a enterar\b`,
    ], { keepWhenNegated: true }),
      trigger(String.raw`\b(?:thickest|stupidest|dumbest|most (?:useless|incompetent|clueless|stupid|pathetic)) (?:person|people|man|woman|staff|team|company|idiot|bunch|lot|operator|agent)\b|\b(?:stupid|rude|silly|fat|ugly|useless|lazy|thick|dumb|ignorant) (?:cows|bitches|twats|prats|gits|pigs|idiots|morons|clowns|muppets|bastards|sods|scroungers|animals)\b|\b(?:you|your \w+)(?: [\w']+){0,3} (?:are|is|'re) (?:\w+ )?(?:cows|pigs|animals|vermin|parasites|leeches|thieves|crooks|liars|frauds|scammers|conmen|cowboys)\b`),
],
};
