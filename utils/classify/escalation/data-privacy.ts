/**
 * Data breach or privacy (procedure 004 §10.1 and §14.1, GDPR): someone else's personal data sent
 * to the customer or theirs to someone else, data leaked or exposed, an account taken over, a SIM
 * swap or identity theft, data shared without consent, and formal data-protection requests
 * (subject access, erasure, CCPA) that run to a legal deadline. Not raised by a forgotten
 * password, a change of details, a wish to download one's own files, privacy screens and
 * settings, questions about what would happen after a breach, a denial ("nobody has got into my
 * account, I'm just locked out"), or a data protection officer's signature.
 */
import { trigger, type KindLexicon } from './trigger-rules';

const OTHER = String.raw`(?:someone else'?s|somebody else'?s|some(?:one|body) else's|another (?:customer|patient|person|account holder|user|client|passenger|member|guest|tenant|policyholder)'?s?|other (?:customers|patients|people|users|clients|passengers|members|guests)'?|a different (?:customer|person|patient|account holder|user|client|passenger)(?:'s)?|the previous (?:owner|tenant|occupant|customer|user)'?s?|a stranger'?s?|otr[oa]s? (?:client|usuari|pacient)[ea]s?|de otro cliente)`;
const DATA = String.raw`(?:data|details|name|names|address|addresses|email|emails|e-mail|phone (?:number|numbers)|number|bills?|invoices?|statements?|orders?|results|records|account|accounts|balance|passport|boarding pass|booking|information|info|transactions|card (?:details|number)|medical|prescription|parcel|letter|post|mail|documents?|photos|contacts|call history|datos|facturas?|dni)`;

export const DATA_PRIVACY: KindLexicon = {
  kind: 'privacy',
  triggers: [
    trigger([
      String.raw`\b${OTHER}(?: [\w']+){0,3}? ${DATA}\b`,
      String.raw`\b${DATA}\b[^.!?\n]{0,60}\b(?:for|of|belonging to|meant for|addressed to|from|to) ${OTHER.replace(/'\?s\?|\(\?:'s\)\?|'\?/g, '')}`,
      String.raw`\b(?:sent|emailed|e-mailed|posted|given|gave|handed|showed|shown|disclosed|read out|shared|passed|forwarded|leaked) (?:a copy of )?(?:my|our) (?:[\w']+ )?(?:details|data|personal (?:data|details|information)|information|number|mobile number|new number|address|passport|diagnosis|medical (?:records|history|information)|results|records|account details|bank details|card details|claim|account|photo|id) (?:to|with) (?:a |an |my |the |another |someone|somebody|third)`,
      String.raw`\b(?:discuss(?:ed|ing)?|talk(?:ed|ing)? about|reveal(?:ed|ing)?|disclos(?:ed|ing)|read out) (?:my|our) (?:[\w']+ )?(?:claim|account|diagnosis|details|debt|balance|medical|health|condition|results|case) (?:with|to|in front of)\b`,
    ]),
    trigger([
      String.raw`\b(?:my|our|customer|customers'|user|users'|personal|location|patient) (?:data|details|information|records|emails?|addresses) (?:was|were|has been|have been|is being|are being|got|is|are) (?:leaked|exposed|shared|sold|stolen|compromised|hacked|published|visible|accessible|leaking)\b|\bleak(?:ed|ing|s)? (?:my |our |customer |users' |personal |location )?(?:data|details|information|locations?)\b|\b(?:visible|exposed) in the (?:cc|to) (?:line|field)\b|\bemails? (?:were |was )?visible\b`,
      String.raw`\bwithout (?:my|our|their|his|her|the customer's) (?:consent|permission|authori[sz]ation|knowledge|agreement)\b|\b(?:did not|didn't|never) (?:consent|authori[sz]e|agree) (?:to|her|him|them|this|that)\b|\bsin (?:mi|nuestro) consentimiento\b`,
      String.raw`\bwho (?:did|have|has) you (?:shared?|sold|given|passed|disclosed) my (?:data|details|information|number)\b|\b(?:shared|sold|passed|given) (?:my )?(?:data|details|information) (?:with|to) (?:third parties|a third party|marketing|claims management|other companies)\b|\bwhat lawful basis\b`,
    ], { keepWhenNegated: true }),
    trigger([
      String.raw`\b(?:data|security|privacy|gdpr|information) breach\b|\bbreach (?:of (?:my |our )?(?:data|privacy|confidentiality|the gdpr|gdpr)|notification)\b|\bbrecha de (?:seguridad|datos)\b`,
      String.raw`\b(?:hack(?:ed|ing)|compromised|taken over)\b(?: [\w']+){0,3}? (?:account|email|profile|password|login|card|phone|number|wallet|online banking)\b|\b(?:account|email|profile|login|phone|password) (?:was |has been |got |had been )?(?:hacked|compromised|taken over|breached)\b|\b(?:someone|somebody|a stranger|hackers?|fraudsters?) (?:has |had )?(?:logged|got|gotten|broken|hacked) (?:into|in to|in) (?:my|our) (?:account|online banking|email|profile|app)\b|\blogged into my (?:account|online banking|app) from\b|\bunauthori[sz]ed (?:access|login|log-in|sign-in|orders?|logins)\b`,
      String.raw`\b(?:someone|somebody|a stranger|hackers?|fraudsters?|alguien)(?: else)? (?:has |had |have )?(?:accessed|got into|gotten into|logged into|logged in to|entered|opened|used|broken into|ha entrado en|entr[oó] en|accedido a) (?:my|our|mi) (?:account|online banking|email|profile|app|cuenta|correo)\b|\b(?:gave|given|handed|issued|sold|activated) (?:my|a new|our) (?:sim|sim card|card|phone|number|account|details|parcel|letter|post) to (?:someone|somebody|a stranger|another person|the wrong person)\b|\b(?:letter|post|mail|parcel|results|statement|records)\b[^.!?\n]{0,50}\b(?:delivered|sent|posted|given|emailed) to (?:my neighbour|a neighbour|my neighbor|a neighbor|the wrong (?:address|person|house|flat|email)|someone else|another (?:address|person|customer))\b|\b(?:every|each|all (?:the )?)(?: \w+)? (?:child|children|pupil|pupils|customer|customers|member|members|patient|patients|parent|parents|student|students)'?s? (?:home )?(?:address|addresses|details|phone numbers|emails|names)\b`,
      String.raw`\bsim[- ]?swap(?:ped)?\b|\bport(?:ed|ing)? (?:my number|out my number) without\b|\b(?:identity|id) (?:theft|fraud)\b|\bstolen identity\b|\b(?:suplantado|suplantaci[oó]n de) (?:la |mi )?identidad\b|\bpretending to be me\b|\bimpersonat(?:ed|ing) me\b|\bused my (?:identity|details|name) to\b|\ba mi nombre\b`,
      String.raw`\bsubject access request\b|\bdata subject (?:access )?request\b|\b(?:dsar|sar)\b(?= request|\b)|\bright (?:to|of) (?:erasure|be forgotten|access)\b|\b(?:erase|delete|remove) all (?:the )?(?:personal )?(?:data|information|details) (?:you hold|held|you have|about me|on me)\b|\b(?:a )?copy of (?:all )?(?:the )?(?:personal )?(?:data|information) you hold\b|\bunder (?:article \d+ of )?(?:the )?(?:uk |eu )?(?:gdpr|ccpa|cpra|data protection act|rgpd|lopd)\b|\bccpa\b|\bgdpr (?:request|complaint|rights|breach|anyone)\b|\b(?:all |any )?(?:the )?personal (?:data|information|details) (?:you|that you|which you) (?:hold|have|keep|store)\b|\b(?:my )?rights? under (?:the )?(?:data protection|privacy|gdpr|ccpa)\b|\bdata protection (?:law|laws|rights|act|legislation)\b|\bprotecci[oó]n de datos\b`,
      String.raw`\b(?:security researcher|responsibl[ey] disclos\w+|(?:security )?vulnerability|exposes? (?:users'?|customers'?|personal|private)|without (?:any )?authentication)\b`,
    ]),
  ],
  unless: [
    /\bprivacy (?:screen|filter|glass|protector|fence|setting|policy (?:page|link))\b|\bdata (?:roaming|plan|allowance|usage|bundle|booster|rollover|sim)\b|\bexport (?:my )?data\b/,
    /\bdata protection (?:officer|questionnaire|team|policy|impact)\b|\bdpo\b/,
    /\bis (?:my|our) (?:data|information) (?:stored|kept|safe|secure|held)\b/,
  ],
};
