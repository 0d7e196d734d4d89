/**
 * The outcome form: how a case ended and what the customer thought of it. Validated with
 * valibot so the sidebar, the background and imports share one rule set.
 */
import * as v from 'valibot';

export const RESOLUTION_CODES = [
  'answered',
  'fixed',
  'refunded',
  'replaced',
  'credited',
  'workaround',
  'no_fault_found',
  'duplicate',
  'other',
] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

/** Words for each code, for the form's list and exports. */
export const RESOLUTION_LABELS: Record<ResolutionCode, string> = {
  answered: 'Question answered',
  fixed: 'Problem fixed',
  refunded: 'Refund given',
  replaced: 'Item replaced',
  credited: 'Account credited',
  workaround: 'Workaround provided',
  no_fault_found: 'No fault found',
  duplicate: 'Duplicate of another case',
  other: 'Other',
};

export const SUMMARY_MAX = 500;
export const FEEDBACK_MAX = 2000;

/** A calendar date "YYYY-MM-DD" that exists (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const ResolutionCodeSchema = v.picklist(RESOLUTION_CODES, 'Choose a resolution code from the list.');

export const ResolutionSummarySchema = v.pipe(
  v.string('The summary must be text.'),
  v.trim(),
  v.nonEmpty('Write a short summary of the resolution.'),
  v.maxLength(SUMMARY_MAX, `Keep the summary to ${SUMMARY_MAX} characters.`),
);

const CsatSchema = v.pipe(
  v.number('Satisfaction must be a number.'),
  v.integer('Satisfaction is a whole number from 1 to 5.'),
  v.minValue(1, 'Satisfaction is a whole number from 1 to 5.'),
  v.maxValue(5, 'Satisfaction is a whole number from 1 to 5.'),
);

const NpsSchema = v.pipe(
  v.number('The recommendation score must be a number.'),
  v.integer('The recommendation score is a whole number from 0 to 10.'),
  v.minValue(0, 'The recommendation score is a whole number from 0 to 10.'),
  v.maxValue(10, 'The recommendation score is a whole number from 0 to 10.'),
);

const FollowUpDateSchema = v.pipe(
  v.string('The follow-up date must be text.'),
  v.check(isCalendarDate, 'The follow-up date must be a real date written YYYY-MM-DD.'),
);

const FeedbackSchema = v.pipe(
  v.string('Feedback notes must be text.'),
  v.trim(),
  v.maxLength(FEEDBACK_MAX, `Keep feedback notes to ${FEEDBACK_MAX} characters.`),
);

/** Every field optional: an agent may record the resolution now and the satisfaction later. */
export const OutcomeSchema = v.strictObject(
  {
    code: v.optional(ResolutionCodeSchema),
    summary: v.optional(ResolutionSummarySchema),
    csat: v.optional(CsatSchema),
    nps: v.optional(NpsSchema),
    followUpOn: v.optional(FollowUpDateSchema),
    /** Goes to the customer feedback log (sop/004 §6.2). */
    feedback: v.optional(FeedbackSchema),
  },
  'The outcome form has a field it does not know.',
);

export type Outcome = v.InferOutput<typeof OutcomeSchema>;
export type OutcomeInput = v.InferInput<typeof OutcomeSchema>;

export type OutcomeValidation =
  | { ok: true; outcome: Outcome }
  | { ok: false; errors: { field: string; message: string }[] };

/**
 * Checks the form. NPS is only accepted when the policy uses it (sop/002 §8); an outcome with
 * nothing in it is refused.
 */
export function validateOutcome(input: unknown, policy: { usesNps?: boolean } = {}): OutcomeValidation {
  const result = v.safeParse(OutcomeSchema, input);
  if (!result.success) {
    return {
      ok: false,
      errors: result.issues.map((issue) => ({
        field: v.getDotPath(issue) ?? 'outcome',
        message: issue.message,
      })),
    };
  }
  const outcome = result.output;
  const errors: { field: string; message: string }[] = [];
  if (outcome.nps !== undefined && !policy.usesNps) {
    errors.push({ field: 'nps', message: 'This policy does not ask for a recommendation score (NPS).' });
  }
  if (Object.values(outcome).every((value) => value === undefined || value === '')) {
    errors.push({ field: 'outcome', message: 'Fill in at least one field of the outcome.' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, outcome };
}
