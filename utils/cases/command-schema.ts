/**
 * Runtime check of a lifecycle command arriving from another context (the sidebar in a content
 * script). Shape only: the rules (reason required, follow-ups before closing…) stay in `decide`,
 * which answers with a sentence. Unknown fields and unknown command types are refused.
 */
import * as v from 'valibot';
import { describeIssues } from './event-schema';
import { CATEGORIES } from './events';
import type { CaseCommand } from './lifecycle';

const shortText = v.pipe(v.string(), v.maxLength(2000));
const note = v.optional(shortText);

export const CaseCommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('acknowledge') }),
  v.strictObject({ type: v.literal('respond'), messageId: v.optional(v.pipe(v.string(), v.maxLength(500))) }),
  v.strictObject({ type: v.literal('awaitCustomer'), note }),
  v.strictObject({ type: v.literal('escalate'), reason: shortText, to: shortText }),
  v.strictObject({ type: v.literal('updateEscalation'), note }),
  v.strictObject({ type: v.literal('resolve'), code: v.pipe(v.string(), v.maxLength(64)), summary: shortText }),
  v.strictObject({ type: v.literal('followUp'), note }),
  v.strictObject({ type: v.literal('close'), satisfied: v.literal(true) }),
  v.strictObject({ type: v.literal('close'), satisfied: v.literal(false), reason: shortText }),
  v.strictObject({ type: v.literal('reopen'), reason: v.optional(shortText) }),
  v.strictObject({ type: v.literal('setCategory'), category: v.picklist(CATEGORIES) }),
  v.strictObject({ type: v.literal('recordOutcome'), outcome: v.record(v.string(), v.unknown()) }),
  v.strictObject({ type: v.literal('logTemplate'), templateId: v.pipe(v.string(), v.maxLength(200)), templateVersion: v.optional(v.number()) }),
]);

export type CommandCheck = { ok: true; command: CaseCommand } | { ok: false; error: string };

/** A well-formed command, or why not (for the refused-and-counted log). */
export function parseCaseCommand(value: unknown): CommandCheck {
  const result = v.safeParse(CaseCommandSchema, value);
  if (!result.success) return { ok: false, error: describeIssues(result.issues) };
  return { ok: true, command: result.output as CaseCommand };
}
