/**
 * The escalation lexicons as data. The rules are written as TypeScript modules (one a kind, see
 * './lexicons'), but the background does not bundle them: the build writes them into the
 * classifier's data file (`classifier/data.json`) with each pattern as its source and flags, and
 * the background provides them with the model the first time it classifies. Node code, tests
 * and the practice page provide them straight from the modules (`../bundled-data`).
 */
import { ESCALATION_KINDS, type EscalationKind } from './kinds';
import type { KindLexicon, Trigger } from './trigger-rules';

/** A pattern as JSON: `[source, flags]`. */
export type PatternData = [string, string];

export interface TriggerData {
  re: PatternData;
  keepWhenNegated?: boolean;
  unless?: PatternData[];
  quietIn?: PatternData[];
  broad?: boolean;
  needs?: PatternData;
  needsIn?: 'sentence' | 'message';
}

export interface KindLexiconData {
  kind: EscalationKind;
  triggers: TriggerData[];
  unless?: PatternData[];
}

/** The file's part: format 1, the kinds' lexicons in the order of ESCALATION_KINDS. */
export interface EscalationLexiconFile {
  format: 1;
  lexicons: KindLexiconData[];
}

const toData = (re: RegExp): PatternData => [re.source, re.flags];
const fromData = (p: PatternData): RegExp => new RegExp(p[0], p[1]);

export function lexiconsToFile(lexicons: readonly KindLexicon[]): EscalationLexiconFile {
  return {
    format: 1,
    lexicons: lexicons.map((l) => ({
      kind: l.kind,
      triggers: l.triggers.map((t) => ({
        re: toData(t.re),
        ...(t.keepWhenNegated ? { keepWhenNegated: true } : {}),
        ...(t.unless ? { unless: t.unless.map(toData) } : {}),
        ...(t.quietIn ? { quietIn: t.quietIn.map(toData) } : {}),
        ...(t.broad ? { broad: true } : {}),
        ...(t.needs ? { needs: toData(t.needs) } : {}),
        ...(t.needsIn ? { needsIn: t.needsIn } : {}),
      })),
      ...(l.unless ? { unless: l.unless.map(toData) } : {}),
    })),
  };
}

const isPattern = (p: unknown): p is PatternData =>
  Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string' && /^[dgimsuy]*$/.test(p[1]);
const isPatterns = (list: unknown): list is PatternData[] => Array.isArray(list) && list.every(isPattern);

/** The lexicons from the file; throws on anything malformed (a broken build, never user input). */
export function lexiconsFromFile(file: EscalationLexiconFile): KindLexicon[] {
  if (file === null || typeof file !== 'object' || file.format !== 1 || !Array.isArray(file.lexicons)) {
    throw new Error('The escalation lexicons are not usable.');
  }
  const kinds = file.lexicons.map((l) => l?.kind);
  if (kinds.length !== ESCALATION_KINDS.length || kinds.some((k, i) => k !== ESCALATION_KINDS[i])) {
    throw new Error('The escalation lexicons do not list the nine kinds in order.');
  }
  return file.lexicons.map((l) => {
    if (!Array.isArray(l.triggers) || (l.unless !== undefined && !isPatterns(l.unless))) throw new Error(`The ${l.kind} lexicon is not usable.`);
    const triggers = l.triggers.map((t): Trigger => {
      const ok =
        isPattern(t?.re) &&
        (t.unless === undefined || isPatterns(t.unless)) &&
        (t.quietIn === undefined || isPatterns(t.quietIn)) &&
        (t.needs === undefined || isPattern(t.needs)) &&
        (t.needsIn === undefined || t.needsIn === 'sentence' || t.needsIn === 'message');
      if (!ok) throw new Error(`A ${l.kind} trigger is not usable.`);
      return {
        re: fromData(t.re),
        ...(t.keepWhenNegated ? { keepWhenNegated: true } : {}),
        ...(t.unless ? { unless: t.unless.map(fromData) } : {}),
        ...(t.quietIn ? { quietIn: t.quietIn.map(fromData) } : {}),
        ...(t.broad ? { broad: true } : {}),
        ...(t.needs ? { needs: fromData(t.needs) } : {}),
        ...(t.needsIn ? { needsIn: t.needsIn } : {}),
      };
    });
    return { kind: l.kind, triggers, ...(l.unless ? { unless: l.unless.map(fromData) } : {}) };
  });
}

/** Asked for before the data was provided: a wiring mistake. */
export class EscalationLexiconsMissingError extends Error {
  constructor() {
    super("The classifier's escalation lexicons are not loaded yet.");
    this.name = 'ClassifierDataMissingError';
  }
}

let provided: KindLexicon[] | undefined;

export function provideEscalationLexicons(lexicons: KindLexicon[]): void {
  provided = lexicons;
}

export function hasEscalationLexicons(): boolean {
  return provided !== undefined;
}

/** The lexicons in the order of ESCALATION_KINDS; throws when nothing provided them yet. */
export function escalationLexicons(): KindLexicon[] {
  if (!provided) throw new EscalationLexiconsMissingError();
  return provided;
}
