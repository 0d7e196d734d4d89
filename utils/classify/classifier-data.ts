/**
 * The classifier's data: the trained model (model.json, 260 KB), the AFINN-165 sentiment
 * lexicon (40 KB) and the escalation lexicons (escalation/lexicons.ts, about 100 KB). Kept out of the code that uses them so a context can load them when it first
 * classifies: the background fetches them from the extension's package (utils/extension/
 * classifier-files.ts), while `utils/classify/index` brings them in with the code (tests,
 * scripts, the practice page) through './bundled-data'.
 */
import { hasEscalationLexicons, lexiconsFromFile, provideEscalationLexicons, type EscalationLexiconFile } from './escalation/lexicon-file';
import { loadModel, type LoadedModel, type ModelFile } from './model-format';

let lexicon: Map<string, number> | undefined;
let model: LoadedModel | undefined;

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

export function sentimentLexicon(): Map<string, number> {
  if (!lexicon) throw new ClassifierDataMissingError('sentiment lexicon');
  return lexicon;
}

export function classifierModel(): LoadedModel {
  if (!model) throw new ClassifierDataMissingError('model');
  return model;
}

export function hasClassifierData(): boolean {
  return lexicon !== undefined && model !== undefined && hasEscalationLexicons();
}

/** All parts in one file, as the extension ships them (`classifier/data.json`). */
export interface ClassifierDataFile {
  model: ModelFile;
  lexicon: Record<string, number>;
  escalation: EscalationLexiconFile;
}

export function provideClassifierData(data: ClassifierDataFile): void {
  if (data === null || typeof data !== 'object' || data.model?.format !== 1 || typeof data.lexicon !== 'object' || data.lexicon === null) {
    throw new Error('The classifier data file is not usable.');
  }
  const escalation = lexiconsFromFile(data.escalation);
  provideClassifierModel(data.model);
  provideSentimentLexicon(data.lexicon);
  provideEscalationLexicons(escalation);
}
