/**
 * The classifier's data: the trained model (model.json, 260 KB), the AFINN-165 sentiment
 * lexicon (40 KB), the tone cues (tone-cue-list.ts, 10 KB), the escalation lexicons
 * (escalation/lexicons.ts, about 100 KB), the word lists (word-lists.ts, 4 KB) and the phrase lists
 * inside the text patterns (phrase-lists.ts). Kept out of the code that uses them so a context can load them when it first
 * classifies: the background fetches them from the extension's package (utils/extension/
 * classifier-files.ts), while `utils/classify/index` brings them in with the code (tests,
 * scripts, the practice page) through './bundled-data'.
 */
import { hasEscalationLexicons, lexiconsFromFile, provideEscalationLexicons, type EscalationLexiconFile } from './escalation/lexicon-file';
import { loadModel, type LoadedModel, type ModelFile } from './model-format';
import type { ClassifierPhraseLists } from './phrase-lists';
import type { Cue } from './tone-cue-list';
import type { ClassifierWordLists } from './word-lists';

/** The word lists as the code reads them: sets to look words up in, and the lists as provided. */
export interface ClassifierWords {
  lists: ClassifierWordLists;
  functionWords: ReadonlySet<string>;
  correctionStopwords: ReadonlySet<string>;
  englishMarkers: ReadonlySet<string>;
  plainWords: ReadonlySet<string>;
}

let lexicon: Map<string, number> | undefined;
let model: LoadedModel | undefined;
let cues: readonly Cue[] | undefined;
let words: ClassifierWords | undefined;
let phrases: ClassifierPhraseLists | undefined;

/** Classification asked for before its data was provided: a wiring mistake. */
export class ClassifierDataMissingError extends Error {
  constructor(what: string) {
    super(`The classifier's ${what} is not loaded yet.`);
    this.name = 'ClassifierDataMissingError';
  }
}

/** Word → AFINN-165 valence (−5 … 5). */
export function provideSentimentLexicon(words: Record<string, number>): void {
  // A Map looks words up much faster than the 3,382-key object literal.
  lexicon = new Map(Object.entries(words));
}

export function provideClassifierModel(file: ModelFile): void {
  model = loadModel(file);
}

/** The tone cues, in the order of the model's dense features after the five lexical ones. */
export function provideToneCues(list: readonly Cue[]): void {
  cues = list;
}

export function provideWordLists(lists: ClassifierWordLists): void {
  words = {
    lists,
    functionWords: new Set(lists.functionWords),
    correctionStopwords: new Set(lists.correctionStopwords),
    englishMarkers: new Set(lists.englishMarkers),
    plainWords: new Set(lists.plainWords),
  };
}

/** The phrase lists the text patterns are built from (phrase-lists.ts); a pattern is built again only if other lists are provided. */
export function providePhraseLists(lists: ClassifierPhraseLists): void {
  phrases = lists;
}

export function classifierPhrases(): ClassifierPhraseLists {
  if (!phrases) throw new ClassifierDataMissingError('phrase lists');
  return phrases;
}

export function classifierWords(): ClassifierWords {
  if (!words) throw new ClassifierDataMissingError('word lists');
  return words;
}

export function toneCues(): readonly Cue[] {
  if (!cues) throw new ClassifierDataMissingError('list of tone cues');
  return cues;
}

export function sentimentLexicon(): Map<string, number> {
  if (!lexicon) throw new ClassifierDataMissingError('sentiment lexicon');
  return lexicon;
}

export function classifierModel(): LoadedModel {
  if (!model) throw new ClassifierDataMissingError('model');
  return model;
}

export function hasClassifierData(): boolean {
  return lexicon !== undefined && model !== undefined && cues !== undefined && words !== undefined && phrases !== undefined && hasEscalationLexicons();
}

/** All parts in one file, as the extension ships them (`classifier/data.json`). */
export interface ClassifierDataFile {
  model: ModelFile;
  lexicon: Record<string, number>;
  /** Each tone cue's name, reason and pattern as `[source, flags]`. */
  cues: Array<{ name: string; reason: string; pattern: [string, string] }>;
  escalation: EscalationLexiconFile;
  words: ClassifierWordLists;
  phrases: ClassifierPhraseLists;
}

export function cuesToFile(list: readonly Cue[]): ClassifierDataFile['cues'] {
  return list.map((c) => ({ name: c.name, reason: c.reason, pattern: [c.pattern.source, c.pattern.flags] }));
}

function cuesFromFile(list: unknown): Cue[] {
  const ok = (c: unknown): c is ClassifierDataFile['cues'][number] => {
    const x = c as ClassifierDataFile['cues'][number] | null;
    return !!x && typeof x.name === 'string' && typeof x.reason === 'string' && Array.isArray(x.pattern) && typeof x.pattern[0] === 'string' && typeof x.pattern[1] === 'string' && /^[imsu]*$/.test(x.pattern[1]);
  };
  if (!Array.isArray(list) || !list.every(ok)) throw new Error('The classifier data file is not usable: its tone cues are malformed.');
  return list.map((c) => ({ name: c.name, reason: c.reason, pattern: new RegExp(c.pattern[0], c.pattern[1]) }));
}

function wordListsFromFile(data: unknown): ClassifierWordLists {
  const x = data as Partial<Record<keyof ClassifierWordLists, unknown>> | null;
  const isList = (list: unknown) => Array.isArray(list) && list.every((w) => typeof w === 'string');
  const isTable = (table: unknown) => typeof table === 'object' && table !== null && !Array.isArray(table) && Object.values(table).every((w) => typeof w === 'string');
  const usable =
    !!x &&
    isList(x.functionWords) &&
    isList(x.correctionStopwords) &&
    isList(x.englishMarkers) &&
    isList(x.plainWords) &&
    isList(x.abusiveWords) &&
    isTable(x.abusiveVariants) &&
    isTable(x.contractions);
  if (!usable) throw new Error('The classifier data file is not usable: its word lists are malformed.');
  return x as ClassifierWordLists;
}

/** Every list a string of pattern pieces; a missing list shows as an error when its pattern is built. */
function phraseListsFromFile(data: unknown): ClassifierPhraseLists {
  const usable = typeof data === 'object' && data !== null && !Array.isArray(data) && Object.values(data).every((list) => Array.isArray(list) && list.every((p) => typeof p === 'string'));
  if (!usable) throw new Error('The classifier data file is not usable: its phrase lists are malformed.');
  return data as ClassifierPhraseLists;
}

export function provideClassifierData(data: ClassifierDataFile): void {
  if (data === null || typeof data !== 'object' || data.model?.format !== 1 || typeof data.lexicon !== 'object' || data.lexicon === null) {
    throw new Error('The classifier data file is not usable.');
  }
  const escalation = lexiconsFromFile(data.escalation);
  const fileCues = cuesFromFile(data.cues);
  const fileWords = wordListsFromFile(data.words);
  const filePhrases = phraseListsFromFile(data.phrases);
  const cueNames = data.model.denseNames.slice(data.model.denseNames.length - fileCues.length);
  if (cueNames.length !== fileCues.length || fileCues.some((c, i) => c.name !== cueNames[i])) {
    throw new Error('The classifier data file is not usable: its tone cues are not the ones the model was trained with.');
  }
  provideClassifierModel(data.model);
  provideSentimentLexicon(data.lexicon);
  provideToneCues(fileCues);
  provideWordLists(fileWords);
  providePhraseLists(filePhrases);
  provideEscalationLexicons(escalation);
}
