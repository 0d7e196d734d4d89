/**
 * The classifier's word lists: plain data, kept out of the code that uses them so the background
 * loads them with the model (`classifier/data.json`, scripts/classifier-data-file.ts) instead of
 * bundling them; Node code, tests and the practice page provide them from here
 * (./bundled-lexicon). The code that reads them: features.ts, corrections.ts, classifier.ts and
 * escalation/read-masked-words.ts (through classifier-data.ts).
 */

export interface ClassifierWordLists {
  /**
   * Function words carry register, not intent: on their own they mostly tell long formal
   * narratives (the CFPB complaints) from short chatbot requests, so they get no unigram feature
   * (they still appear inside word pairs). features.ts.
   */
  functionWords: string[];
  /** Words a correction's memory of a thread leaves out. corrections.ts. */
  correctionStopwords: string[];
  /** Common English words: a text with too few of them is not read as English. classifier.ts. */
  englishMarkers: string[];
  /**
   * Words too plain to show an agent as a reason, on top of the model's function words: modal and
   * auxiliary verbs, quantifiers, particles. Question words stay (“how do”, “whether”). Reasons
   * only: the model's features are unchanged. classifier.ts.
   */
  plainWords: string[];
  /** Abusive words the masked-word reader tries to recognise (with their usual inflections). escalation/read-masked-words.ts. */
  abusiveWords: string[];
  /** Spellings used to dodge filters, and acronyms, read as the word they stand for. */
  abusiveVariants: Record<string, string>;
  /** Contractions typed without the apostrophe, read with it so one pattern covers both. */
  contractions: Record<string, string>;
}

export const WORD_LISTS: ClassifierWordLists = {
  functionWords: (
    'a an the and or of to in on at by for with from as is are was were be been am it its this that these those ' +
    'there here i me my we us our you your he she him her they them their has have had do does did so than then ' +
    'too very just also . , ; : 0'
  ).split(' '),
  correctionStopwords: (
    'a an the and or but if of to in on at by for with from as is are was were be been being am i me my mine we us our you your ' +
    'he she it its they them their this that these those there here have has had do does did will would can could should shall ' +
    'may might must not no so than then too very just also please hi hello dear thanks thank regards sir madam team 0 ' +
    "i'm i've i'd it's that's what's"
  ).split(' '),
  englishMarkers: (
    'the a an and or but to of in on for with is are was were be been have has had do does did not no my your our i you we ' +
    'it this that can could would will please thanks thank hi hello dear order account card when how what why where which ' +
    'me us they there from at by as if so get got any some'
  ).split(' '),
  plainWords: (
    'if but not no nor all any some both each either every few more most much many other such own same only ' +
    'can could would should will shall may might must about into onto over under up down out off again ' +
    'because while until since though although yet still even ever also am being get got its one ones now'
  ).split(' '),
  abusiveWords: [
    'fuck', 'fucks', 'fucked', 'fucker', 'fuckers', 'fucking', 'fuckin', 'fuckwit', 'fuckwits', 'motherfucker', 'motherfuckers',
    'shit', 'shits', 'shite', 'shitty', 'shitting', 'bullshit', 'shitbag', 'shitbags', 'shithead', 'shitheads', 'shitshow',
    'cunt', 'cunts', 'bastard', 'bastards', 'bitch', 'bitches', 'asshole', 'assholes', 'arsehole', 'arseholes',
    'dickhead', 'dickheads', 'prick', 'pricks', 'wanker', 'wankers', 'twat', 'twats', 'tosser', 'tossers',
    'idiot', 'idiots', 'moron', 'morons', 'imbecile', 'imbeciles', 'cretin', 'cretins', 'retard', 'retards', 'retarded',
    'scum', 'scumbag', 'scumbags', 'stupid', 'piss', 'pissed', 'bollocks',
  ],
  abusiveVariants: {
    fck: 'fuck', fcking: 'fucking', fckin: 'fucking', fcked: 'fucked', fk: 'fuck', fkn: 'fucking', fking: 'fucking', fkin: 'fucking',
    fuk: 'fuck', fukin: 'fucking', fuking: 'fucking', fukking: 'fucking', fucken: 'fucking', phuck: 'fuck', phucking: 'fucking',
    fuq: 'fuck', effing: 'fucking', feck: 'fuck', fecking: 'fucking', frigging: 'fucking', sht: 'shit', shyt: 'shit', shiz: 'shit',
    biatch: 'bitch', azzhole: 'asshole', azzholes: 'assholes', stfu: 'shut the fuck up', wtf: 'what the fuck', ffs: "for fuck's sake",
    gtfo: 'get the fuck out', mf: 'motherfucker', mofo: 'motherfucker', idjit: 'idiot', eejit: 'idiot',
  },
  contractions: {
    cant: "can't", dont: "don't", wont: "won't", doesnt: "doesn't", didnt: "didn't", isnt: "isn't", wasnt: "wasn't", arent: "aren't",
    werent: "weren't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't", couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't",
    im: "i'm", ive: "i've", youre: "you're", youve: "you've", theyre: "they're", theyve: "they've", weve: "we've", thats: "that's", whats: "what's",
  },
};
