/**
 * v2: the classifier corrections store, and an index of cases by customer address for "erase
 * this customer". Existing addresses are lower-cased so the index finds them whatever their case.
 */
import type { CaselineDb, UpgradeTransaction } from '../schema';

export async function migrate002CorrectionsAndCustomerIndex(db: CaselineDb, tx: UpgradeTransaction, _oldVersion: number): Promise<void> {
  const corrections = db.createObjectStore('corrections', { keyPath: 'id' });
  corrections.createIndex('byAt', 'at');
  corrections.createIndex('byCase', 'caseId');

  const cases = tx.objectStore('cases');
  cases.createIndex('byCustomer', 'customerEmail');
  let cursor = await cases.openCursor();
  while (cursor) {
    const email = cursor.value.customerEmail;
    if (email !== undefined && email !== email.trim().toLowerCase()) {
      await cursor.update({ ...cursor.value, customerEmail: email.trim().toLowerCase() });
    }
    cursor = await cursor.continue();
  }
}
