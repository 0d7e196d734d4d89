/**
 * Letters to executives (000 §10.3 executive management, 001 step 3 escalation): a formal letter
 * or message addressed to, copied to or forwarded to the chief executive, managing director,
 * chair, president, founders or board, or a customer taking the matter "to the top". Not raised
 * by the sender's own title in a signature, by the customer's own executives ("my MD would like
 * a quote"), meetings and boards of other kinds (board games, room and board).
 */
import { trigger, type KindLexicon } from './trigger-rules';

const EXEC = String.raw`(?:ceo|c\.e\.o\.?|chief executive(?: officer)?|chief (?:operating|financial|customer) officer|coo|managing director|general manager|md|chair(?:man|woman|person)?|president|vice[- ]chancellor|vice[- ]president|principal|head ?teacher|chief constable|founders?|co-founders?|board(?: of directors)?|executive (?:office|team|board|committee|complaints? team)|head of (?:customer (?:experience|service|services|care)|complaints)|director (?:of|general)|consejer[oa] delegad[oa]|director[a]? general|presidente|consejo de administraci[oó]n)`;

export const LETTER_TO_EXECUTIVE: KindLexicon = {
  kind: 'executive',
  triggers: [
    trigger([
      // addressed: "Dear Chief Executive", "Dear Ms. Hart, chief executive", "To the Board"
      String.raw`(?:^|\n)\s*(?:dear|to)\s+(?:the |your |mr\.? |mrs\.? |ms\.? |dr\.? |sir |dame |lord |lady |baroness |[\w.'-]+ ){0,4}(?:[\w ]{0,30} and )?(?:, ?)?(?:the )?${EXEC}\b`,
      // "FAO Ms Rowe, Managing Director", "Attn: CEO", "Attention: Chair, Fenwick Group"
      String.raw`\b(?:fao|f\.a\.o\.?|attn:?|attention:|for the attention of|a la atenci[oó]n del?)\b[^\n]{0,40}?\b${EXEC}\b`,
      String.raw`\b(?:letter (?:for|to)|open letter to|personal letter to|writing to|written to|wrote to|write to|emailed|e-mailed|emailing|mailed|messaged|copying|copied|cc'?d|cced|ccing|cc:|forwarding|forwarded|forward|sending|send|sent|addressed to|going (?:straight |directly )?to|escalating|escalated|escalate|tagging|tagged|me dirijo a)(?: (?:this|it|the whole thread|this whole thread|the thread|this thread|everything|my complaint|this email|this letter|the attached complaint))?(?: (?:to|in|with))?(?: (?:each|every) member of)? (?:your |the |his |her |mr\.? \w+,? |ms\.? \w+,? |mrs\.? \w+,? )?(?:company's )?${EXEC}(?:'s office)?\b`,
      String.raw`\b(?:your|the company's) (?:ceo|chief executive|managing director|chair(?:man|woman)?|president|founders?)'?s? (?:office|email(?: address)?|e-mail(?: address)?|address|pa|assistant|linkedin|twitter)\b|\b(?:ceo|chief executive)(?:'s)? office\b|\bexecutive (?:office|complaint|complaints team|escalation)\b|\bboard of directors\b|\bgo(?:ing)? (?:straight |right )?to the top\b|\b(?:tagging|tag) the boss\b`,
      String.raw`\bas (?:the )?(?:${EXEC}) (?:of|you)\b|\byou are the (?:${EXEC})\b|\bwriting to you (?:as|in your capacity as) (?:the )?(?:${EXEC})\b|\byou (?:two |both )?(?:started|founded|own|run) (?:this|the) (?:company|business|firm)\b|\b(?:writ(?:e|ing|ten)|wrote|go(?:ing)?|escalat(?:e|ing)) (?:directly |straight )?to (?:the )?(?:head|top|boss|leadership|senior leadership) of (?:the|your|this) (?:company|business|organi[sz]ation|firm|bank|group)\b`,
      String.raw`(?:^|\n)\s*(?:dear|to)\b[^\n]{0,60}\n\s*(?:ceo|chief executive(?: officer)?|managing director|chair(?:man|woman)?|president)\b`,
      String.raw`@\w*(?:ceo|founder|chairman)\w*`,
      String.raw`\b(?:email|e-mail|address|number|phone number|contact details|name|linkedin|office) (?:of|for) (?:your|the) (?:company's )?${EXEC}\b|\b(?:speak|talk|get through|write) (?:to|with) (?:your|the) (?:company's )?${EXEC}\b`,
      String.raw`(?:^|\n)\s*(?:estimad[oa]|sr\.?|sra\.?|señor[a]?)\b[^\n]{0,40}\b(?:director[a]? general|consejer[oa] delegad[oa]|presidente|presidenta)\b|\b(?:carta|escribo|me dirijo) (?:al|a la|a el) (?:director[a]? general|consejer[oa] delegad[oa]|presidente|presidenta|dirección)\b`,
    ], { keepWhenNegated: true }),
      trigger(String.raw`\b(?:your|the company's|the) (?:founder|co-founder|ceo|chief executive|managing director|md|chair(?:man|woman|person)?|president|owner|board|head office|top brass|higher-ups|senior (?:management|leadership|executives?)|executives?)\b`, {
      needs: /\b(?:touch|email|e-mail|write|writing|written|wrote|letter|speak|talk|escalat\w*|cc|copy|copied|top|attention|forward\w*|send|sent|contact|address|number|direct|personally|hear about|know about|complain\w*)\b/,
      broad: true,
      quietIn: [/\b(?:our|my) (?:own )?(?:ceo|chief executive|managing director|md|chair\w*|president|founder|owner|board)\b|\bboard (?:meeting|game|room|plan|basis)\b|\b(?:half|full|bed and) board\b|\bon board\b/],
    }),
],
  unless: [
    /\b(?:our|my) (?:own )?(?:ceo|chief executive|managing director|md|chair(?:man|woman)?|president|founders?|owner|board)\b/,
    /\bpa to the\b|\bboard (?:meeting|game|games|room|plan|basis)\b|\b(?:half|full|bed and) board\b|\bon board\b|\babove board\b|\bboard(?:ing)? pass\b/,
    /\b(?:i'm|i am) (?:the )?(?:ceo|chief executive|managing director|founder|owner|president|chair\w*)\b|\bas (?:a |the )?(?:founder|co-founder|ceo|managing director|director|president|chair\w*) of (?:a|an|my|our)\b/,
    /\b(?:read|saw|heard|watched|liked|loved|enjoyed) (?:your |the )?(?:ceo|chief executive|founder)'?s? (?:interview|talk|post|speech|article|video|keynote)\b/,
  ],
};
