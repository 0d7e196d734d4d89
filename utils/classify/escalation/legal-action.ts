/**
 * Legal action (procedure 004 §5.1 "legal complaints"): a customer who threatens or starts
 * proceedings, instructs a lawyer, sends a letter before action, or frames the dispute in statute.
 * Not raised by a lawyer who only needs a document, powers of attorney, legal cover on a policy,
 * people called Sue, courts as places or shoes, a solicitor's signature, routing ("please send
 * this on to your legal department") or a denial ("we don't intend to go to court over this").
 */
import { trigger, type KindLexicon } from './trigger-rules';

const LAWYER = String.raw`(?:lawyers?|solicitors?|attorneys?|barristers?|legal (?:team|counsel|representatives?|adviser|advisor)|counsel)`;
const CONTACT_VERB = String.raw`(?:contact(?:ed|ing)?|consult(?:ed|ing)?|spoken|speak(?:ing)?|spoke|talk(?:ed|ing)?|see(?:ing)?|call(?:ed|ing)?|hire[ds]?|hiring|get(?:ting)?|got|engag(?:e|ed|ing)|retain(?:ed|ing)?|appoint(?:ed|ing)?|involv(?:e|ed|ing)|instruct(?:ed|ing)?|pass(?:ed|ing)? (?:this|it|everything) (?:on )?to|hand(?:ed|ing)? (?:this|it|everything) (?:over )?to|refer(?:red|ring)? (?:this|it) to|booked (?:an appointment|a meeting) with)`;

export const LEGAL_ACTION: KindLexicon = {
  kind: 'legal',
  triggers: [
    trigger([
      String.raw`\blegal (?:action|proceedings|steps|claim|route|recourse|avenues?|advice|remedies|case)\b`,
      String.raw`\b(?:court|legal|civil) (?:action|proceedings|claim|case)\b`,
      String.raw`\b(?:take|taking|took|bring|bringing|drag|dragging) (?:you|this|it|them|the (?:matter|company|firm|bank|case)|your (?:company|firm|business))(?: \w+){0,2} to (?:the )?(?:small claims |county |district |civil |magistrates' )?court\b`,
      String.raw`\b(?:see|meet) (?:you|them) in court\b`,
      String.raw`\b(?:defend|fight|contest) (?:it|this|the \w+) in court\b`,
      String.raw`\b(?:small[- ]claims|county court|district court|civil court)\b`,
      String.raw`\b(?:issu(?:e|ed|ing)|fil(?:e|ed|ing)|start(?:ed|ing)?|lodg(?:e|ed|ing)|bring(?:ing)?|commenc(?:e|ed|ing)) (?:a |the )?(?:claim in|court claim|legal claim|proceedings|suit|lawsuit|legal proceedings)\b`,
      String.raw`\b(?:filing|file|filed) (?:a )?suit\b|\bmoney ?claim online\b|\bmcol\b`,
      String.raw`\b(?:lawsuit|litigation|class[- ]action|group action|legal challenge)\b`,
      String.raw`\b(?:will|going to|gonna|intend to|plan(?:ning)? to|shall|i'll|we'll|to|and|or|can|could|might|not afraid to|prepared to|have to|ready to) sue\b|\bsu(?:ing|ed) (?:you|your|the company|them|for)\b`,
      String.raw`\bletter (?:before|of) (?:action|claim)\b|\bpre-?action (?:protocol|letter)\b|\bnotice of (?:intended )?(?:proceedings|claim|legal action)\b`,
      String.raw`\b(?:breach of (?:contract|statutory duty|the (?:contract|agreement|terms))|material breach|negligence claim|(?:claim|sue) for negligence|professional negligence)\b`,
      String.raw`\b(?:consumer rights act|sale of goods act|supply of goods and services act|misrepresentation act|consumer credit act|equality act|fcra|fdcpa|tcpa|fair credit reporting act|fair debt collection practices act|montreal convention|short-term right to reject|right to reject|rejecting the goods)\b`,
      String.raw`\b(?:deal with|sort|settle|pursue|resolve|take|fight) (?:this|it|the matter|things|this matter)(?: out)? (?:legally|through the courts|via the courts|in court|through a court)\b`,
      String.raw`\b(?:my|our) (?:legal )?${LAWYER}(?: \w+){0,3}? (?:will|'ll|shall|going to|instructed|drafting|preparing|handling|dealing with (?:this|it)|reviewing|reviewed|looking into (?:this|it)|sent|has written|says|said|advised|advises|aware|expects|in touch|contacting|writing to you)\b`,
      String.raw`\b${LAWYER}(?:'s| has| have| had) been (?:instructed|appointed|engaged|contacted|consulted|briefed)\b|\b(?:letter|call|email|e-mail) from (?:my|our) ${LAWYER}\b`,
      String.raw`\b${CONTACT_VERB} (?:to |with )?(?:a|my|our|an|the family's) (?:\w+ )?${LAWYER}\b`,
      String.raw`\b${LAWYER} to act for (?:me|us)\b|\binstructed [\w&' ]{2,40} solicitors\b`,
      String.raw`\b(?:referred|refer|passed|handed|sent|forwarded|escalated|given) (?:on )?to (?:my|our|a|an) (?:\w+ )?${LAWYER}\b|\b(?:advice|advised|representation|represented|a letter) (?:from|by) (?:a|my|our|an) (?:\w+ )?${LAWYER}\b`,
      String.raw`\bcounter-?su(?:e|ing|ed)\b|\bcounter-?claim\b|\b(?:a |my |our )?claim against (?:you|your|the (?:company|bank|firm|shop|store|nursery|school|landlord|agency)|them)\b|\b(?:filing|file|filed|lodging|lodged|bringing|making) (?:a |our |my )?(?:legal )?claim (?:this|next|today|tomorrow|against|for (?:damages|compensation|negligence))\b|\bparalegal\b(?=[^.!?\n]{0,60}\b(?:claim|court|sue|action|case)\b)`,
      String.raw`\b(?:hear|hearing) from (?:my|our) ${LAWYER}\b|\b(?:cousin|friend|brother|sister|dad|father|mum|mother|wife|husband|son|daughter|uncle|aunt) who(?:'s| is) a (?:lawyer|solicitor|barrister|attorney)\b`,
      String.raw`\breserve (?:all )?(?:my|our) (?:legal )?rights\b|\bwithout prejudice\b`,
      // Mentioned at all in a customer's message, a lawyer, a court or a tribunal is a legal matter
      // (the innocent senses are excluded below: documents for a lawyer, courts as places, titles).
    ]),
    trigger(String.raw`\b(?:lawyers?|solicitors?|attorneys?|barristers?|paralegals?|lawsuits?|litigation|tribunals?)\b|\b(?:seek(?:ing)?|claim(?:ing)?|sue for|recover) (?:\w+ )?damages\b|\b(?:hold|holding|held) (?:you|your company|the company|them) (?:\w+ )?(?:liable|responsible in court)\b|\blegally (?:liable|responsible|obliged|required to refund)\b`, {
      quietIn: [
        /\b(?:house|flat|property|home|buy-to-let)\b|\bconveyanc|\bcompletion\b|\bmortgage offer\b|\bchange of address\b|\bpower of attorney\b|\blaw student\b|\b(?:head|director|vp|department) of legal\b|\b(?:review|read|check|sign|approve) (?:your|the|our) (?:terms|contract|agreement|t&cs)\b/,
        /\b(?:i'm|i am|i work as|as|she's|he's|she is|he is|my \w+ is) an? (?:\w+ )?(?:lawyer|solicitor|attorney|barrister|paralegal)\b(?![^.!?\n]{0,60}\b(?:claim|court|sue|action|letter|drafted|drafting|case|handling)\b)|\b(?:asked|needs?|wants?|requires?|requested|would like) (?:for )?(?:a |the )?(?:copy|copies|statement|invoice|receipt|documents?|letter)\b|\battorneys? general\b/,
      ],
    }),
    trigger([
      String.raw`\b(?:acciones legales|acción legal|vía judicial|vía legal|demandar(?:é|os|les)?|pondré una demanda|poner una demanda|interpondré|denunciar(?:é|os|les)|pondré una denuncia|a juicio|a los tribunales|al juzgado)|\b(?:hablado|hablaré|hablar|contactado|contactaré|consultado|consultaré|consultando|contratado|contrataré) con (?:mi|un|una) abogad[oa]|\bmi abogad[oa] (?:se pondrá|os|les|va a|ya est|me ha dicho)|\b(?:presento|presentaré|presentar|poner|pondré|interponer|interpondré) (?:la |una )?(?:demanda|denuncia|querella)|\b(?:el|al|del) juzgado\b|\btribunales\b|\babogad[oa]s?\b(?! (?:me ha pedido|necesita|quiere) (?:una )?copia)`,
    ]),
    // Broad vocabulary of legal action, raised on mention unless the sentence is an innocent context.
    trigger(String.raw`\b(?:legal counsel|counsel|going legal|gone legal|get(?:ting)? legal|legal (?:letter|challenge|case|fight|route|remedy|recourse)|the courts|a court|in court|to court|court case|court order|group claim|group action|collective action|class action|no win no fee|claims? solicitors?|notice of claim|letter of claim|negligen(?:t|ce)|breach of (?:contract|duty|warranty|the law)|unlawful(?:ly)?|illegal(?:ly)?|against the law|statutory rights|my (?:legal |consumer )?rights)\b`, {
      broad: true,
      quietIn: [/\bcourt (?:shoes|house|yard|reporter|date for my (?:divorce|custody))\b|\bfood court\b|\b(?:tennis|squash|basketball|netball) courts?\b|\bis it (?:legal|illegal|against the law)\b|\blegal (?:requirement|age|limit|tender|expenses|cover|advice line|to drive)\b|\bwhat are my (?:rights|statutory rights)\b|\bknow my rights\b\?/],
    }),
],
  unless: [
    /\bpower of attorney\b|\blasting power\b|\blegal (?:tender|expenses|cover|requirements?|age|documents?|size|paper|advice (?:line|helpline|service|cover)|helpline)\b|\blegal advice (?:through|under|on|with) (?:my|the|your) (?:policy|insurance|cover)\b/,
    /\b(?:my|our) (?:lawyer|solicitor|attorney|conveyancer)s? (?:asked|needs?|wants?|requires?|requested|has asked|would like) (?:for )?(?:a |the )?(?:copy|copies|statement|invoice|details|documents?|completion|funds|money|payment)/,
    /\b(?:to|for|from) (?:my|our) (?:lawyer|solicitor)(?:'s)? (?:account|client account|for the (?:house|completion|purchase|sale))/,
    /\b(?:your|the company's) (?:legal (?:team|department)|lawyers?|solicitors?)\b(?=[^.!?\n]{0,60}\b(?:update|amend|change|review|sign|contract|clause|address|details|terms)\b)/,
    /\battorneys? general\b/,
    /\b(?:house|flat|property|home) (?:sale|purchase|move)\b|\bconveyanc\w+|\bcompletion\b|\bchange of address\b|\b(?:head|director|vp) of legal\b|\b(?:review|read|check|sign) (?:your|the|our) (?:terms|contract|agreement)\b/,
    /\b(?:i'm|i am|i work as|as) an? (?:\w+ )?(?:lawyer|solicitor|attorney|barrister|paralegal)\b|\b(?:damages?|liability) (?:cover|insurance|waiver|excess)\b|\b(?:accidental|water|storm|flood|fire|cosmetic|transit) damages?\b|\bpublic liability\b|\bcourtesy\b|\bdamage(?:d)?\b/,
    /\bcourt (?:shoes|reporter|date for my (?:divorce|custody))|\bfood court\b|\btennis court\b/,
  ],
};
