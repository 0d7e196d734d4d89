/**
 * The background reads the escalation lexicons and the phrase lists of the text patterns from the
 * classifier's data file, not from the modules they are written in: both ways must prepare the
 * same texts and raise the same flags with the same words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifierDataFileText } from '../../../scripts/classifier-data-file';
import { classifierPhrases, providePhraseLists, type ClassifierDataFile } from '../../../utils/classify/classifier-data';
import { detectEscalation } from '../../../utils/classify/escalation';
import { escalationLexicons, lexiconsFromFile, lexiconsToFile, provideEscalationLexicons } from '../../../utils/classify/escalation/lexicon-file';
import { WRITTEN_LEXICONS } from '../../../utils/classify/escalation/lexicons';
import { PHRASE_LISTS } from '../../../utils/classify/phrase-lists';
import { prepareText } from '../../../utils/classify/prepare-text';

const SETS = ['eval-escalation', 'blind-escalation', 'blind-escalation-2', 'blind-escalation-3', 'blind-escalation-4', 'blind-escalation-5', 'eval-short'];

/** The e-mail sets too: quoted history, signatures, disclaimers and salutations for the text patterns. */
const EMAIL_SETS = ['eval-emails', 'dev-emails', 'dev-short', 'train-extra'];

function messages(sets = SETS): { subject: string; body: string }[] {
  return sets.flatMap((name) =>
    readFileSync(`tests/fixtures/classifier/${name}.jsonl`, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const row = JSON.parse(line) as { text: string };
        const [first = '', ...rest] = row.text.split('\n');
        return first.startsWith('Subject:') ? { subject: first.slice(8).trim(), body: rest.join('\n') } : { subject: '', body: row.text };
      }),
  );
}

describe('escalation lexicons as data', () => {
  it('survive the round trip through JSON unchanged', () => {
    const file = JSON.parse(JSON.stringify(lexiconsToFile(WRITTEN_LEXICONS))) as ReturnType<typeof lexiconsToFile>;
    expect(lexiconsFromFile(file)).toEqual(WRITTEN_LEXICONS);
  });

  it('raise the same flags with the same words on every message of the project’s sets', () => {
    const all = messages();
    expect(all.length).toBeGreaterThan(1500);
    provideEscalationLexicons(WRITTEN_LEXICONS);
    const written = all.map((m) => detectEscalation(m));
    expect(written.filter((e) => e.flagged).length).toBeGreaterThan(300);
    const data = JSON.parse(classifierDataFileText()) as ClassifierDataFile;
    provideEscalationLexicons(lexiconsFromFile(data.escalation));
    expect(escalationLexicons()).not.toBe(WRITTEN_LEXICONS);
    expect(all.map((m) => detectEscalation(m))).toEqual(written);
  });
});

describe('phrase lists as data', () => {
  it('prepare the same texts and raise the same flags on every message of the project’s sets', () => {
    const all = messages([...SETS, ...EMAIL_SETS]);
    const read = () => all.map((m) => ({ prepared: prepareText(m.body), withSalutation: prepareText(m.body, { keepSalutation: true }), escalation: detectEscalation(m) }));
    providePhraseLists(PHRASE_LISTS);
    const written = read();
    // Salutations, quoted history, signatures and sign-offs are found in many of them.
    expect(written.filter((r) => r.prepared !== r.withSalutation).length).toBeGreaterThan(40);
    expect(written.filter((r, i) => r.withSalutation.length < all[i]!.body.trim().length - 5).length).toBeGreaterThan(300);
    const data = JSON.parse(classifierDataFileText()) as ClassifierDataFile;
    providePhraseLists(data.phrases);
    expect(classifierPhrases()).not.toBe(PHRASE_LISTS);
    expect(read()).toEqual(written);
  });
});
