/**
 * Loads the classifier's data (model and sentiment lexicon) from the file the build ships
 * (`classifier/data.json`, scripts/classifier-data-file.ts) the first time the background
 * classifies a thread after it starts; later calls resolve at once.
 */
import { browser, type PublicPath } from 'wxt/browser';
import { hasClassifierData, provideClassifierData, type ClassifierDataFile } from '../classify/classifier-data';

let loading: Promise<void> | undefined;

export function loadClassifierData(): Promise<void> {
  if (hasClassifierData()) return Promise.resolve();
  loading ??= (async () => {
    const response = await fetch(browser.runtime.getURL('/classifier/data.json' as PublicPath));
    if (!response.ok) throw new Error(`The classifier's data could not be read (${response.status}).`);
    provideClassifierData((await response.json()) as ClassifierDataFile);
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
