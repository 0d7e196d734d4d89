/**
 * Provides the classifier's data from the modules themselves (imported for its effect): the
 * way Node code and the practice page get it. The background does not import this; it fetches
 * the same data from the extension's package on first use.
 */
import './bundled-lexicon';
import { provideClassifierModel } from './classifier-data';
import type { ModelFile } from './model-format';
import modelFile from './model.json';

provideClassifierModel(modelFile as ModelFile);
