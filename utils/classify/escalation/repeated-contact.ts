/**
 * Repeated contact about the same unresolved problem (003 item 4: customers who must contact an
 * organisation several times; 001 step 3 follow-up): an ordinal or a count of contacts, "still no
 * reply", "no one has got back to me", chasing, "as I said in my previous emails", several
 * reference numbers for one issue, or the case history (two or more earlier customer messages).
 * Not raised by repeated attempts at a task ("the upload failed twice"), repeat custom ("my
 * fourth order with you"), a problem that recurred without contact, a request to send something
 * again, nor by a single follow-up: like the case-history rule, it takes more than one.
 */
import { trigger, type KindLexicon } from './trigger-rules';

const ORDINAL = String.raw`(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|\d+th|umpteenth|nth|hundredth|millionth|segunda|tercera|cuarta|quinta)`;
const CONTACT_NOUN = String.raw`(?:emails?|e-mails?|messages?|letters?|calls?|phone calls?|chats?|tickets?|complaints?|reminders?|requests?|attempts? to (?:contact|reach|get through)|agents?|advisors?|people|different people|times? (?:i'?ve|i have|we'?ve|we have|i am|i'm) (?:written|wrote|asked|called|rung|rang|phoned|contacted|emailed|e-mailed|chased|complained|reported|messaged|been in touch|had to (?:write|call|ask|chase|explain|contact))|times? (?:of )?(?:asking|writing|contacting|chasing|calling|ringing|emailing|messaging|explaining)|times? (?:on|in|via|through) (?:chat|the phone|email|here|twitter|facebook))`;
const CONTACT_VERB = String.raw`(?:(?:been|was|were|'ve been) on (?:the )?(?:chat|live chat|phone|hold)|written|wrote|write|writing|emailed|e-mailed|emailing|called|calling|rung|rang|ringing|phoned|phoning|contacted|contacting|asked|asking|chased|chasing|messaged|messaging|complained|reported|raised|followed up|follow(?:ed)? up|been in touch|explained|sent (?:my|the|you)(?: [\w']+)?|spoken to (?:you|your)|spoke to (?:you|your)|tried to (?:contact|reach|get hold of) you|cancelled|cancel(?:led)? (?:it|my \w+))`;
const COUNT = String.raw`(?:twice|three times|four times|five times|six times|\d+ times|several times|multiple times|many times|numerous times|countless times|so many times|more times than i can count|over and over(?: again)?|again and again|repeatedly|every (?:week|day|few days|single time|time|morning|evening|afternoon|night|other day)|(?:on|over) (?:\d+|two|three|four|five|six|several|multiple|numerous) (?:separate )?(?:occasions|calls|emails|times))`;

export const REPEATED_CONTACT: KindLexicon = {
  kind: 'repeat',
  triggers: [
    trigger([
      String.raw`\b${ORDINAL} ${CONTACT_NOUN}\b`,
      String.raw`\b${CONTACT_VERB}\b[^.!?\n]{0,50}?\b${COUNT}\b`,
      String.raw`\b(?:spoken|spoke|talked|explained (?:this|it)|been passed|been transferred) (?:to|between) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|numerous|countless|so many) (?:different )?(?:people|agents|advisors|advisers|members of staff|departments|teams|staff)\b|\b(?:following up|writing|asking|chasing|calling|ringing|emailing|contacting you|complaining|getting in touch|messaging) (?:again )?for the ${ORDINAL} time\b|\b(?:my|the) (?:last|previous|past) (?:two|three|four|five|six|\d+|few|several) (?:messages|emails|e-mails|letters|calls|chats|replies)\b`,
      String.raw`\b(?:reported|raised|chased|logged|flagged|complained about|been reported|been raised|been chased|been logged) (?:it |this |the (?:issue|problem|fault|leak) )?${COUNT}\b`,
      String.raw`\b(?:on|over|across|in) (?:\d+|two|three|four|five|six|seven|several|multiple|numerous) (?:separate |different )?(?:calls|phone calls|emails|e-mails|chats|letters|messages|tickets)\b|\bfor the (?:umpteenth|nth|hundredth|millionth|thousandth) time\b`,
      String.raw`\b(?:further to|following (?:up )?(?:on )?|as (?:i|we) (?:said|explained|mentioned|stated|wrote) in) (?:my|our|all my|every|each of my) (?:previous |earlier |last |several )?(?:emails|letters|messages|calls|chats|complaints|conversations|email|letter|message|call)\b|\bas (?:i'?ve|i have) (?:said|explained|told you) (?:in every|before|already|several times|many times)\b|\bin (?:every|each of my) previous (?:email|message|letter|call)\b`,
      String.raw`\b(?:still|yet) (?:no|not|nothing|haven't|have not|hasn't|has not|waiting for (?:a|any|your)|without (?:a|any)) ?(?:had |received |heard |got |been given |seen )?(?:a |any |an )?(?:reply|replies|response|responses|answer|answers|word|update|updates|call ?back|callback|resolution|fix|solution|action|progress|one has (?:replied|called|got back))\b|\bstill (?:not |un)(?:resolved|fixed|sorted|solved|done|actioned|processed|reinstated|applied|refunded|corrected)\b|\b(?:has|have|had) still not been (?:resolved|fixed|sorted|solved|actioned|processed|reinstated|applied|refunded|corrected)\b|\bsigo sin (?:respuesta|soluci[oó]n|noticias)\b`,
      String.raw`\b(?:no one|nobody|no-one|none of you|nadie) (?:has |have |had )?(?:ever |yet |even )?(?:replied|responded|answered|got back|gotten back|come back|called back|rung back|rang back|called me back|returned my calls?|bothered to reply|been in touch|me ha dado)\b|\bnever (?:heard back|got a (?:reply|response|call ?back)|had a (?:reply|response)|received (?:a |any )?(?:reply|response|call ?back))\b|\b(?:call ?back|reply|response) (?:that|which) never (?:came|comes|arrived|happened)\b`,
      String.raw`\b(?:each|every) (?:time|single time) (?:i'?m|i am|i was|we're|i get|i ring|i call|i write|i chase|i ask|i contact) (?:told|promised|given|fobbed off|passed)\b|\b(?:each|every) (?:person|agent|advisor|adviser|reply|one of you|time) (?:said|says|says|told me|tells me|asks|asked|promised)\b|\b(?:been|being|keep being|kept being) (?:told|promised) (?:someone|somebody|that someone|i'?d|i would|it would|it'll|it will) (?:will|would)? ?(?:ring|call|get back|be in touch|contact|be fixed|be sorted)`,
      String.raw`\b(?:chas(?:e|ed|ing)) (?:this|you|it|up|again|for (?:weeks|months|ages)|my \w+ (?:from|with) you|every|since)\b|\b(?:tired|sick|fed up) (?:of|with) chasing\b|\bkeep (?:having|needing) to (?:chase|call|ring|write|explain|email)\b|\b(?:weeks|months|days) of (?:back and forth|chasing|emails|calls|being passed around)\b|\bback and forth\b`,
      String.raw`\bexplained (?:this|it|my (?:situation|problem|issue|case)) to (?:\w+|\d+) (?:different )?(?:people|agents|advisors|advisers|times|members of staff)\b|\b(?:make|making) me (?:explain|repeat) (?:it|this|myself) again\b|\b(?:same|this) (?:issue|problem|question|fault) as (?:yesterday|last (?:week|time|month)|before|the day before)\b|\bchasing (?:this |you )?again\b|\bagain by (?:email|phone|letter|chat)\b`,
      String.raw`\b(?:closed|marked (?:as )?resolved) (?:twice|again|without (?:a |any )?(?:fix|reply|resolution|solution))\b|\b(?:(?:refs?|references?|tickets?|case numbers?)[ .:#]*\(?[a-z]*-?\d[\w-]*(?:,| and)\s*#?[a-z]*-?\d[\w-]*)`,
      String.raw`\b(?:chasing|calling|emailing|writing|ringing|phoning|trying to (?:get|have) (?:this|it) (?:sorted|fixed|resolved)|waiting for (?:a |any )?(?:reply|response|answer|call ?back))(?: [\w']+){0,5}? (?:for|since) (?:weeks|months|ages|over a (?:week|month)|\w+ (?:weeks|months))\b|\bllevo (?:un mes|\w+ (?:semanas|meses)|semanas|meses) (?:reclamando|esperando|llamando|escribiendo)\b|\b(?:tercera|cuarta|quinta|segunda) vez que (?:escribo|llamo|reclamo|contacto|os escribo)\b|\bhe abierto (?:\w+ )?incidencias\b`,
    ]),
  ],
  unless: [
    /\b(?:second|third|2nd|3rd) (?:time (?:ordering|buying|booking|staying|using|shopping|flying|i've ordered|i have ordered)|hand|class|floor|half|name|line|option|item|address|card|account|home|car|delay|cancellation|time this (?:year|month|week) (?:it|the))\b/,
    /\btried (?:\w+ )?(?:twice|three times|\d+ times|several times|multiple times) to (?:pay|log in|login|sign in|submit|upload|order|book|check ?out|reset)\b/,
    /\b(?:send|resend|share|try|use|do|say|book|order) (?:it |the \w+ |that )?again\b/,
  ],
};
