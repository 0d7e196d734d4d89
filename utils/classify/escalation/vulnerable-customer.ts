/**
 * Vulnerable customers (the FCA's and Ofgem's sense, which 004 §14.2 "consumer rights" points
 * to): a bereavement, serious illness, a mental-health crisis, domestic abuse, financial hardship,
 * or a disability, old age or dependence on medical equipment that puts the customer at a
 * disadvantage in this case. Disability and age raise the flag only when the message also shows
 * a difficulty ("can't", "left me", "no way to", "broken"), so a stated preference ("I'm partially
 * sighted, large print please") does not. Not raised by late orders, devices or projects that
 * "died", or a customer who cares for someone and asks an ordinary question.
 */
import { trigger, type KindLexicon } from './trigger-rules';

const RELATIVE = String.raw`(?:husband|wife|partner|mum|mother|mom|dad|father|son|daughter|child|baby|brother|sister|parent|parents|grandma|grandmother|grandad|grandfather|nan|gran|auntie|aunt|uncle|fianc[ée]e?|boyfriend|girlfriend|relative|friend|marido|esposa|mujer|madre|padre|hij[oa])`;
const DIFFICULTY = /\b(?:can't|cannot|can not|unable|no way|doesn't work|does not work|didn't|did not|won't|will not|left (?:me|him|her|us)|nobody|no one|no-one|struggl\w*|stuck|broken|stopped|without|urgent(?:ly)?|help|impossible|forced|alone|freezing|cold|no heating|no hot water|signed up|sold|scam\w*|afford|block|stop|keeps?|terrified|frightened|scared|distressed|upset|humiliated|refused|told (?:him|her|me|them|us) to leave|ignored|shouted|confused|lost)\b|\bno (?:puedo|entiendo|sé)\b/;

export const VULNERABLE_CUSTOMER: KindLexicon = {
  kind: 'vulnerable',
  triggers: [
    // bereavement, serious illness, mental health, domestic abuse, hardship: always
    trigger([
      String.raw`\b(?:dementia|alzheimer'?s|learning disabilit\w+|brain injury|autis(?:m|tic))\b|\b${RELATIVE} (?:has |had |recently |sadly |suddenly )*(?:died|passed away|passed on|passed(?= (?:last|this|recently|suddenly|in|on|over|peacefully)\b|[.,;!?]|$)|is deceased|was killed)\b|\b(?:died|passed away) (?:\w+ )?(?:days?|weeks?|months?|suddenly|recently|last (?:week|month|year))\b|\bbereave(?:d|ment)\b|\bdeath certificate\b|\b(?:i'm|i am) (?:the |his |her )?executor\b|\bprobate\b|\b(?:ha )?fallecido\b|\bfalleci[óo](?![a-z])|\bentierro\b|\bfuneral\b`,
      String.raw`\bdiagnosed with\b|\b(?:leuka?emia|lymphoma|myeloma|motor neuron(?:e)? disease|mnd|heart failure|kidney failure|organ transplant|sepsis|brain injury)\b|\b(?:chemo(?:therapy)?|radiotherapy|cancer|tumou?r|terminally ill|terminal (?:illness|diagnosis|cancer|condition)|(?:weeks|months) to live|palliative|hospice|dialysis|oxygen (?:machine|concentrator|supply)|life support|home ventilator|stair ?lift|(?:had|having|suffered) a (?:stroke|heart attack)|recovering from (?:surgery|an operation|a stroke|cancer)|undergoing (?:treatment|surgery|chemo)|seriously ill|in intensive care|c[áa]ncer)\b`,
      String.raw`\b(?:suicid(?:e|al)|self[- ]harm|kill myself|end it all|end my life|no reason to live|want to die|(?:can't|cannot|don't think i can) (?:keep going|go on|cope|take (?:it|this) any ?more)|mental health (?:crisis|is|has|problems?|issues?)|breakdown|panic attacks?|severe (?:anxiety|depression)|bipolar|ptsd|manic episode|psychosis|depress(?:ed|ion)|crisis team)\b`,
      String.raw`\b(?:domestic (?:abuse|violence)|abusive (?:partner|ex|husband|wife|relationship)|coercive control|(?:controls|controlled) (?:all )?(?:our|my) (?:money|finances|accounts?)|non-molestation order|restraining order|(?:a|the) refuge\b|fled (?:my|our|the) (?:home|house)|violencia de g[ée]nero)\b`,
      String.raw`\b(?:financial hardship|hardship (?:plan|fund|scheme|payment)|(?:can't|cannot|can not|couldn't|could not|unable to) afford(?: to)? (?:pay|eat|food|heating|rent|top up|the|my|both|anything|it|this)|(?:lost|losing) (?:my|his|her) job|been made redundant|unemployed|(?:i'm|i am|we're|we are|i've been|we've been|been|living) on (?:universal credit|benefits|pip|esa|jsa|pension credit)|(?:i|we) (?:get|claim|receive) (?:universal credit|benefits|pip|esa|jsa)|food ?bank|(?:behind|arrears) (?:on|with) (?:my|the|rent|bills?|payments?)|(?:months?|weeks?) behind\b|in (?:serious |a lot of )?debt|choose between (?:heating|eating|food)|self[- ]disconnect\w*|(?:nothing|no food|no money) (?:left )?for (?:my|the) kids|my last [£$€]\d+|no money (?:left|for)|en (?:el )?paro|no puedo pagar|sin trabajo)\b`,
      String.raw`\b(?:nowhere|no where|no place) to (?:stay|live|go|sleep)\b|\bhomeless\b|\bevicted\b|\b(?:victim of|fell for|been) (?:a |an )?(?:scam|scammed|fraud)\b(?=[^.!?\n]{0,80}\b(?:savings|pension|life savings|all my money|elderly|i'm \d\d)\b)`,
    ], {
      unless: [
        /\b(?:battery|phone|laptop|app|crm|system|software|printer|car|engine|plant|parcel|delivery|order|deal|idea|conversation|signal|line|account) (?:has |had )?(?:just )?(?:died|passed)\b/,
        /\blate (?:order|delivery|payment|fee|fees|charge|charges|checkout|check-out|booking|arrival|train|flight|night)\b/,
        /\bcancer (?:research|charity|fundraiser|awareness)\b|\bbreakdown (?:cover|service|recovery|of (?:the|my) (?:bill|charges|costs?))\b|\b(?:price|cost|bill|itemi[sz]ed) breakdown\b/,
      ],
    }),
    // disability, old age, pregnancy, dependence: only with a difficulty in the same message
    trigger([
      String.raw`\b(?:disabled|disability|disabilities|wheelchair(?: user)?|mobility (?:scooter|problems|issues)|blind|partially sighted|visually impaired|screen reader|deaf|hard of hearing|hearing impaired|learning disabilit\w+|autis(?:m|tic)|dementia|alzheimer'?s?|parkinson'?s?|multiple sclerosis|\bms\b(?= and| with|,)|housebound|bed-?bound|frail|pregnant|newborn|discapacidad|silla de ruedas)\b`,
      String.raw`\b(?:i'm|i am|he's|he is|she's|she is|they're|aged|age|is|turned) (?:7[5-9]|[89]\d|1[01]\d)\b|\((?:7[5-9]|[89]\d)\)|\btengo (?:7[5-9]|[89]\d) años\b|\b(?:7[5-9]|[89]\d)[- ]year[- ]old\b|\belderly (?:father|mother|parents?|dad|mum|customer|neighbours?|relative|man|woman|lady|gentleman)\b|\bpensioners?\b|\b(?:lives|living|live) (?:on (?:my|his|her) own|alone)\b|\bvivo sol[oa]\b`,
    ], { needs: DIFFICULTY, needsIn: 'message' }),
    // "My late father" counts when the message is about the practical side of a death.
    trigger(String.raw`\b(?:my|our|his|her) (?:late|dear late) ${RELATIVE}\b`, {
      needs: /\b(?:account|accounts|estate|bill|bills|policy|name|will|probate|letters?|post|affairs|funeral|death|passed|died|close|closing|cancel|transfer|executor|bereave\w*|widow\w*|belongings|pension|debt)\b/,
      needsIn: 'message',
    }),
      trigger(String.raw`\bwidow(?:ed|er)?\b|\b(?:addict(?:ion|ed)|gambling (?:problem|addiction)|problem gambl\w*|alcoholi(?:sm|c)|in recovery|rehab)\b|\b(?:tight budget|struggling (?:financially|to pay|to afford|with money|to make ends meet)|can'?t pay|cannot pay|unable to pay|no money|skint|broke until|nothing (?:left )?for (?:dinner|food|tea|breakfast|lunch|my kids|the kids|the children|my children))\b|\b(?:i'm|i am)\b[^.!?\n]{0,25}\b(?:7[5-9]|[89]\d)\b(?![^.!?\n]{0,3}(?:%|mins?|minutes|mph|pounds|quid|kg|km|miles|years? (?:with|as|of)))`, {
      broad: true,
      quietIn: [/\b(?:is|are|was|were) (?:there|you|it)\b[^.!?\n]*\?|\bdiscount\b|\bno money (?:back|off)\b/],
    }),
],
};
