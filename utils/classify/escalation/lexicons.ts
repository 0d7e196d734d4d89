/**
 * The nine kinds' lexicons as written, in the order of ESCALATION_KINDS: each kind's phrase rules,
 * then its broad vocabulary. Imported by the build (which writes them into the classifier's data
 * file) and by `../bundled-data`; never by the background, which reads them from the data file.
 */
import { ABUSE_TOWARDS_STAFF } from './abuse-towards-staff';
import { BROAD } from './broad-vocabulary';
import { DATA_PRIVACY } from './data-privacy';
import { HEALTH_AND_SAFETY } from './health-and-safety';
import { LEGAL_ACTION } from './legal-action';
import { LETTER_TO_EXECUTIVE } from './letter-to-executive';
import { MEDIA_EXPOSURE } from './media-exposure';
import { REGULATOR } from './regulator';
import { REPEATED_CONTACT } from './repeated-contact';
import type { KindLexicon } from './trigger-rules';
import { VULNERABLE_CUSTOMER } from './vulnerable-customer';

export const WRITTEN_LEXICONS: KindLexicon[] = [
  LEGAL_ACTION,
  REGULATOR,
  HEALTH_AND_SAFETY,
  ABUSE_TOWARDS_STAFF,
  MEDIA_EXPOSURE,
  LETTER_TO_EXECUTIVE,
  DATA_PRIVACY,
  VULNERABLE_CUSTOMER,
  REPEATED_CONTACT,
].map((lexicon) => {
  const broad = BROAD[lexicon.kind];
  return broad ? { ...lexicon, triggers: [...lexicon.triggers, broad] } : lexicon;
});
