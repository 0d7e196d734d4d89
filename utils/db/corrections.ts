/** Classifier corrections: features and labels only, never raw text. */
import type { CaselineDb, CorrectionRecord } from './schema';

export async function addCorrection(db: CaselineDb, correction: CorrectionRecord): Promise<void> {
  await db.add('corrections', correction);
}

/** Corrections, oldest first. */
export function listCorrections(db: CaselineDb): Promise<CorrectionRecord[]> {
  return db.getAllFromIndex('corrections', 'byAt');
}
