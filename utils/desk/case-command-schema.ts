/** The shape of every case command a sidebar or page may send; the lifecycle then checks its meaning. */
import * as v from 'valibot';
import { CATEGORIES } from '../cases/events';
import type { CaseCommand } from '../cases/lifecycle';
import { RESOLUTION_CODES } from '../cases/outcome';

const Note = v.optional(v.pipe(v.string(), v.maxLength(2000)));
const Short = v.pipe(v.string(), v.maxLength(500));

export const CaseCommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('acknowledge') }),
  v.strictObject({ type: v.literal('respond'), messageId: v.optional(v.pipe(v.string(), v.maxLength(512))) }),
  v.strictObject({ type: v.literal('awaitCustomer'), note: Note }),
  v.strictObject({ type: v.literal('escalate'), reason: Short, to: v.pipe(v.string(), v.maxLength(200)) }),
  v.strictObject({ type: v.literal('updateEscalation'), note: Note }),
  v.strictObject({ type: v.literal('resolve'), code: v.picklist(RESOLUTION_CODES), summary: Short }),
  v.strictObject({ type: v.literal('followUp'), note: Note }),
  v.strictObject({ type: v.literal('close'), satisfied: v.boolean(), reason: v.optional(Short) }),
  v.strictObject({ type: v.literal('reopen'), reason: v.optional(Short) }),
  v.strictObject({ type: v.literal('setCategory'), category: v.picklist(CATEGORIES) }),
  v.strictObject({ type: v.literal('recordOutcome'), outcome: v.record(v.string(), v.unknown()) }),
  v.strictObject({ type: v.literal('logTemplate'), templateId: v.pipe(v.string(), v.maxLength(200)), templateVersion: v.optional(v.number()) }),
]);

export function parseCaseCommand(input: unknown): { ok: true; command: CaseCommand } | { ok: false; error: string } {
  const r = v.safeParse(CaseCommandSchema, input);
  if (!r.success) return { ok: false, error: `That action is not valid: ${r.issues.map((i) => `${v.getDotPath(i) ?? 'type'}: ${i.message}`).slice(0, 2).join('; ')}` };
  const c = r.output;
  if (c.type === 'close') {
    return { ok: true, command: c.satisfied ? { type: 'close', satisfied: true } : { type: 'close', satisfied: false, reason: c.reason ?? '' } };
  }
  return { ok: true, command: c as CaseCommand };
}
