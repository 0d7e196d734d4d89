/**
 * Regulators and ombudsmen (procedure 004 §5.1 "regulatory concerns", §14.2 consumer rights):
 * a customer who has gone or will go to an ombudsman, a regulator, a consumer protection body or
 * the police, in the UK, Ireland, the US, Canada, Australia, New Zealand, the EU and Spain.
 * Not raised by a question about the company's own regulation or protection schemes ("are
 * deposits covered by the FSCS?"), a price cap, accreditation logos, or a regulator's name in a
 * signature.
 */
import { trigger, type KindLexicon } from './trigger-rules';

const BODIES = [
  // ombudsmen and complaint schemes
  String.raw`ombudsm[ae]n`, String.raw`financial ombudsman(?: service)?`, String.raw`\bfos\b`, String.raw`\bphso\b`, String.raw`\bafca\b`, String.raw`\bewo[nv]\b`, String.raw`\bccts\b`, String.raw`\bobsi\b`, String.raw`\bcisas\b`, String.raw`\bcedr\b`, String.raw`\badr (?:scheme|body|provider)`,
  // UK regulators
  String.raw`\bfca\b`, String.raw`financial conduct authority`, String.raw`\bpra\b`, String.raw`\bofcom\b`, String.raw`\bofgem\b`, String.raw`\bofwat\b`, String.raw`\borr\b`, String.raw`office of rail and road`, String.raw`\bcaa\b`, String.raw`civil aviation authority`, String.raw`\bico\b`, String.raw`information commissioner`, String.raw`\bcqc\b`, String.raw`care quality commission`, String.raw`general medical council`, String.raw`\bgdc\b`, String.raw`general dental council`, String.raw`\bnmc\b`, String.raw`\bgphc\b`, String.raw`\bofsted\b`, String.raw`environment agency`, String.raw`food standards (?:agency|scotland)`, String.raw`environmental health`, String.raw`trading standards`, String.raw`citizens advice`, String.raw`\bcma\b`, String.raw`competition and markets authority`, String.raw`advertising standards(?: authority)?`, String.raw`\bdvsa\b`, String.raw`health and safety executive`, String.raw`\bsra\b`, String.raw`solicitors regulation authority`, String.raw`legal ombudsman`, String.raw`pensions regulator`, String.raw`drinking water inspectorate`, String.raw`safeguarding (?:team|board)`,
  // US and Canada
  String.raw`\b(?:to|with) the dot\b`, String.raw`\bdot complaint`, String.raw`\b(?:to|with) the tio\b`, String.raw`telecommunications industry ombudsman`, String.raw`\bnbn\b(?= complaint)`, String.raw`\bcfpb\b`, String.raw`consumer financial protection bureau`, String.raw`\bftc\b`, String.raw`federal trade commission`, String.raw`\bfcc\b`, String.raw`federal communications commission`, String.raw`\bfinra\b`, String.raw`\bocc\b`, String.raw`\bnhtsa\b`, String.raw`\bfda\b`, String.raw`department of transportation`, String.raw`attorney general`, String.raw`\bag'?s office\b`, String.raw`\bbbb\b`, String.raw`better business bureau`, String.raw`(?:state|public) (?:utilit(?:y|ies)|service) commission`, String.raw`\bpuc\b`, String.raw`(?:state )?(?:insurance commissioner|department of insurance)`, String.raw`consumer protection (?:agency|division|office|bureau|authority|department)`, String.raw`\bcrtc\b`, String.raw`\bfcac\b`,
  // Ireland, Australia, New Zealand, EU
  String.raw`\bccpc\b`, String.raw`\bcomreg\b`, String.raw`\bcru\b`, String.raw`central bank of ireland`, String.raw`\baccc\b`, String.raw`\basic\b`, String.raw`\boaic\b`, String.raw`fair trading`, String.raw`commerce commission`, String.raw`data protection (?:authority|commission(?:er)?|regulator)`, String.raw`\bcnil\b`, String.raw`consumer (?:court|forum|council|tribunal)`, String.raw`the regulator`, String.raw`a regulator`, String.raw`\bregulators\b`,
  // Spain
  String.raw`\bocu\b`, String.raw`\bfacua\b`, String.raw`\bomic\b`, String.raw`oficina (?:municipal )?(?:de información )?(?:al|del) consumidor`, String.raw`(?:a|en|ante) consumo\b`, String.raw`banco de españa`, String.raw`\bcnmc\b`, String.raw`\baepd\b`, String.raw`agencia española de protección de datos`, String.raw`hoja de reclamaci[oó]n(?:es)?`, String.raw`junta arbitral`, String.raw`secretaría de estado de telecomunicaciones`, String.raw`\bsetsi\b`,
];

export const REGULATOR: KindLexicon = {
  kind: 'regulator',
  triggers: [
    trigger(BODIES.map((b) => (b.startsWith('\\b') ? b : String.raw`\b${b}`))),
    trigger(String.raw`\breport(?:ed|ing)? (?:you|this|it|them|your (?:company|firm|shop|bank|business)|the (?:company|shop|bank)) to (?:the )?(?:police|authorities|regulators?|council)\b`),
      trigger(String.raw`\b(?:the |an? )?(?:\w+ )?(?:regulator|ombudsman|watchdog|authorities)\b|\b(?:my|our|local) (?:mp|m\.p\.|member of parliament|congressman|congresswoman|senator|councillor|assemblyman|state representative)\b|\bcomplain(?:t|ed|ing)? to (?:the )?(?:council|government|minister|department)\b`, {
      broad: true,
      quietIn: [/\b(?:pressure|voltage|gas|heat|temperature|water|flow|battery|charge|speed) regulators?\b|\bregulated by\b|\bis there an? (?:ombudsman|regulator)\b/],
    }),
],
  unless: [
    /\b(?:regulated|authori[sz]ed|registered|licensed|accredited|rated|supervised|protected|covered|approved|a member) (?:by|with|under|of) (?:the )?[a-z' ]{0,40}$/,
    /\b(?:fca|pra|ofcom|ofgem|ofwat|caa|bbb|cqc|sra|atol|abta|fsa|fscs)[- ](?:regulated|authori[sz]ed|registered|number|reference|firm number|accredited|accreditation|rating|rated|approved|licen[cs]ed?|id|protected|price cap|cap|rules|guidance|logo|badge|member)\b/,
    /\b(?:ofgem|energy)(?:'s)? price cap\b|\bprice cap\b/,
    /\b(?:are|is) (?:you|your (?:firm|company|bank|business|shop)|it|the (?:firm|company|bank|package|holiday|booking)) (?:\w+ )?(?:regulated|authori[sz]ed|registered|accredited|covered|protected)\b/,
    /\bis there (?:an?|any) (?:ombudsman|regulator)\b/,
    /\bregulad[oa] (?:por|con) el banco de españa\b/,
    /\b(?:pressure|voltage|gas|heat|temperature|water|flow|battery|charge) regulators?\b/,
  ],
};
