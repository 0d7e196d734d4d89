/**
 * The background reads the escalation lexicons from the classifier's data file, not from the
 * modules they are written in: both ways must raise the same flags with the same words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifierDataFileText } from '../../../scripts/classifier-data-file';
import type { ClassifierDataFile } from '../../../utils/classify/classifier-data';
import { detectEscalation } from '../../../utils/classify/escalation';
import { escalationLexicons, lexiconsFromFile, lexiconsToFile, provideEscalationLexicons } from '../../../utils/classify/escalation/lexicon-file';
import { WRITTEN_LEXICONS } from '../../../utils/classify/escalation/lexicons';

const SETS = ['eval-escalation', 'blind-escalation', 'blind-escalation-2', 'blind-escalation-3', 'blind-escalation-4', 'blind-escalation-5', 'eval-short'];

function messages(): { subject: string; body: string }[] {
  return SETS.flatMap((name) =>
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
