/**
 * The words and phrases inside the patterns of text preparation (prepare-text.ts: quoted history,
 * forwarded headers, signatures, disclaimers, sign-offs, greetings) and of the escalation reader's
 * innocent-context checks (escalation/innocent-context.ts): plain data, like the word lists (word-lists.ts), so the
 * background loads them with the model (`classifier/data.json`, scripts/classifier-data-file.ts)
 * instead of bundling them. The code keeps each pattern's shape (anchors, flags, how the
 * alternatives are put together) and builds it from these lists the first time it is needed.
 *
 * Every entry is a piece of a pattern's source, an alternative among the others of its list:
 * most are plain words; a few carry their own small pattern ("ningun[oa]?", "head of [a-z&, ]+").
 * The lists are in the order the alternatives are tried.
 */

export interface ClassifierPhraseLists {
  /** The verb of a reply header "On <date>, <name> wrote:", in the languages we see. prepare-text.ts. */
  wroteVerbs: string[];
  /** The words between the dashes of a separator line ("-----Original Message-----"). */
  quoteSeparators: string[];
  /** A line that opens a forwarded message ("Begin forwarded message:"). */
  forwardOpeners: string[];
  /** The first field of a quoted header block ("From:", "Von:"). */
  headerFromFields: string[];
  /** The fields that follow it within a few lines ("Sent:", "Gesendet:", "Subject:"). */
  headerNextFields: string[];
  /** Lines that start a signature, each matched at the start of a line ("Sent from my iPhone"). */
  signatureStarts: string[];
  /** Lines that start a legal disclaimer ("This e-mail is confidential …", "Confidentiality notice"). */
  disclaimerStarts: string[];
  /** Sign-offs on a line of their own ("Kind regards", "Thanks in advance", "Cordialement"). */
  signOffs: string[];
  /** Words that open a salutation ("Hi", "Dear", "Good morning"). */
  greetingWords: string[];
  /** Words that may follow a greeting in a salutation ("there", "team", "Sir or Madam"). */
  greetingFillers: string[];
  /** Negation words, the whole word ("not", "never", "nunca"). A word ending in "n't" is one too. escalation/innocent-context.ts. */
  negators: string[];
  /** Negated verbs written without the apostrophe ("dont", "isnt"), the whole word. */
  bareNegations: string[];
  /** Words after which an earlier negation no longer applies: a new clause or a new subject. */
  scopeResets: string[];
  /** Pronouns that start a new clause when a verb follows them ("… I will sue"). */
  subjects: string[];
  /** The verbs that make a pronoun before them a subject. */
  auxiliaries: string[];
  /** A threat hedged with a negation is still a threat ("no choice but to", "won't hesitate"). */
  hedgedThreats: string[];
  /** Openers of a hypothetical or conditional clause ("if", "in case of", "supposing"). */
  conditionalOpeners: string[];
  /** Words that, followed by one of `mainClauseVerbs`, begin the main clause after an if-part. */
  mainClauseStarts: string[];
  mainClauseVerbs: string[];
  /** Subject contractions that begin a main clause on their own ("i'll", "we're"). */
  mainClauseContractions: string[];
  /** Spanish verbs in the first person that begin a main clause ("voy", "denunciaré"). */
  mainClauseSpanishVerbs: string[];
  /** A course weighed and dropped: "thought about", "was going to", "came close to". */
  consideredCourses: string[];
  /** Job titles, for signature and title lines. */
  jobTitles: string[];
  /** Words a signature or title line does not hold ("I", "please", "thanks"). */
  personalWords: string[];
  /** Verbs a signature or title line does not hold ("is", "has", "said"). */
  lineVerbs: string[];
  /** Words that open a salutation or a subject line, so the line is no title line ("dear", "attn"). */
  lineOpenings: string[];
  /** Words that open a line naming an addressee: the title line under it is theirs ("dear", "fao"). */
  addresseeOpenings: string[];
}

export const PHRASE_LISTS: ClassifierPhraseLists = {
  wroteVerbs: ['wrote', 'schrieb', 'a écrit', 'escribió', 'scrisse', 'schreef'],
  quoteSeparators: ['original message', 'ursprüngliche nachricht', 'forwarded message', 'weitergeleitete nachricht', "message d'origine", 'mensaje original'],
  forwardOpeners: ['begin forwarded message', 'anfang der weitergeleiteten nachricht'],
  headerFromFields: ['from', 'von', 'de', 'da', 'van'],
  headerNextFields: ['sent', 'date', 'gesendet', 'datum', 'envoyé', 'enviado', 'inviato', 'verzonden', 'to', 'an', 'cc', 'subject', 'betreff', 'objet', 'asunto'],
  signatureStarts: [
    'sent from my\\b',
    'sent (?:from|with|via) (?:outlook|yahoo|mail|samsung|my|proton)\\b',
    'get outlook for (?:ios|android|mac|windows)\\b',
    'von meinem \\S+ gesendet',
    'envoyé de mon\\b',
  ],
  disclaimerStarts: [
    'this (?:e-?mail|message|communication)(?: and any (?:files|attachments)[^.]*)? (?:is|are|may be|contains?) (?:confidential|intended|privileged|strictly)',
    'confidentiality notice',
    'disclaimer\\s*:',
    'the information (?:contained )?in this (?:e-?mail|message)',
    'if you (?:are not|have received this)(?: the intended recipient| (?:e-?mail|message) in error)',
    'diese e-?mail (?:enthält|ist|kann)',
    'please consider the environment before printing',
  ],
  signOffs: [
    'kind(?:est)? regards', 'best regards', 'warm regards', 'regards', 'best wishes', 'best', 'many thanks', 'thanks(?: again| in advance)?',
    'thank you(?: in advance)?', 'cheers', 'sincerely', 'yours sincerely', 'yours faithfully', 'yours truly', 'respectfully',
    'mit freundlichen grüßen', 'viele grüße', 'cordialement',
  ],
  greetingWords: ['hi', 'hello', 'hey', 'hiya', 'dear', 'greetings', 'good morning', 'good afternoon', 'good evening'],
  greetingFillers: ['there', 'team', 'all', 'everyone', 'folks', 'sir', 'madam', 'or', 'and', 'customer', 'customers', 'service', 'services', 'support', 'care', 'colleagues'],
  negators: ['not', 'no', 'never', 'nobody', 'none', 'nothing', 'neither', 'nor', 'without', 'hardly', 'nunca', 'ni', 'sin', 'nadie', 'ningun[oa]?', 'ningún'],
  bareNegations: ['cannot', 'dont', 'doesnt', 'didnt', 'wont', 'isnt', 'wasnt', 'arent', 'havent', 'hasnt', 'aint'],
  scopeResets: [
    'but', 'however', 'although', 'though', 'yet', 'and', 'so', 'then', 'because', 'unless', 'until', 'otherwise', 'if', 'while', 'when', 'after', 'since',
    "i'm", "i'll", "i've", "i'd", "we'll", "we're", "you're", "you'll",
    'voy', 'vamos', 'iré', 'pondré', 'tomaré', 'acudiré', 'reclamaré', 'denunciaré', 'pero', 'y', 'o', 'si',
  ],
  subjects: ['i', 'we', 'you', 'they', 'he', 'she'],
  auxiliaries: [
    'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'am', 'are', 'is', 'was', 'were', 'have', 'has', 'had',
    'do', 'does', 'did', 'need', 'want', 'go', 'get', 'got', 'think', 'know', 'intend', 'plan', "'ll", "'d",
  ],
  hedgedThreats: [
    "(?:do ?n[o']t|do not|would ?n[o']t|would not|wouldn't) (?:want|wish|like) to (?:have to|be forced to|resort to)",
    "hope (?:i|we) (?:do ?n[o']t|don't|won't|will not|wo ?n't) (?:have|need) to",
    'rather not (?:have to|involve|resort)',
    "(?:not|won't|will not|wo n't) hesitate",
    'no (?:choice|option|alternative) (?:but|than)',
    'nothing (?:left|else) (?:but|to do but)',
    'not afraid to',
    'no hesitation',
  ],
  conditionalOpeners: [
    'if', 'in case(?: of)?', 'in the event(?: of| that)?', 'what if', 'suppose', 'supposing', 'hypothetically',
    'should (?:there|it|i|my|the|anything)', 'were (?:there|it|i)', 'si', 'en caso de',
  ],
  mainClauseStarts: ['i', 'we', 'you', 'they', 'he', 'she', 'who', 'what', 'how', 'would', 'will', 'could', 'can', 'does', 'do', 'is', 'are'],
  mainClauseVerbs: [
    'will', "'ll", 'shall', 'am', "'m", 'are', "'re", 'would', "'d", 'should', 'could', 'can', 'do', 'does', 'is', 'have', 'has', 'get',
    'i', 'you', 'we', 'they', 'it', 'my', 'the', 'be', 'need', 'must', 'going', 'gonna',
  ],
  mainClauseContractions: ["i'll", "we'll", "i'm", "we're", "i'd", "we'd", "i've"],
  mainClauseSpanishVerbs: ['voy', 'vamos', 'iré', 'pondré', 'tomaré', 'acudiré', 'reclamaré', 'denunciaré', 'pienso'],
  consideredCourses: [
    'thought (?:about|of)', 'think(?:ing)? (?:about|of)', 'considered', 'considering',
    '(?:was|were) (?:going|about|tempted|ready|planning) to', 'came close to',
  ],
  jobTitles: [
    'officer', 'manager', 'director', 'counsel', 'solicitor', 'lawyer', 'attorney', 'barrister', 'paralegal', 'engineer', 'lead',
    'coordinator', 'co-ordinator', 'editor', 'journalist', 'reporter', 'correspondent', 'ceo', 'cfo', 'cto', 'coo', 'cio',
    'founder', 'co-founder', 'partner', 'chair', 'chairman', 'chairwoman', 'chairperson', 'president', 'vice president', 'vp',
    'head of [a-z&, ]+', 'consultant', 'assistant', 'pa to', 'secretary', 'administrator', 'advisor', 'adviser', 'specialist',
    'analyst', 'executive', 'owner', 'proprietor', 'trustee', 'principal', 'nurse', 'doctor', 'surgeon', 'anaesthetist',
    'paramedic', 'inspector', 'auditor', 'clerk', 'abogad[oa]', 'director[a]?',
  ],
  personalWords: ['i', "i'm", "i've", 'me', 'my', 'we', "we're", 'our', 'us', 'you', 'your', 'please', 'thanks'],
  lineVerbs: ['is', 'are', 'was', 'were', 'been', 'be', 'has', 'have', 'had', 'will', 'would', 'shall', 'can', 'could', 'did', 'does', 'do', 'said', 'told', 'sent', 'wants?', 'needs?'],
  lineOpenings: [
    'dear', 'hi', 'hello', 'estimad[oa]s?', 'querid[oa]s?', 'hola', 'asunto', 'subject', 're', 'fao', 'f\\.a\\.o', 'attn', 'attention', 'to',
    'for the attention', 'a la atenci[oó]n',
  ],
  addresseeOpenings: ['dear', 'to', 'fao', 'attn', 'attention', 'for the attention of', 'estimad[oa]'],
};
