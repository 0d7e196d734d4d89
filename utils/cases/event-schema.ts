/**
 * Runtime checks for case events (imports, backups, and anything that arrives from another
 * context). The shape is the one in events.ts; this file only mirrors it for validation.
 */
import * as v from 'valibot';
import { CATEGORIES } from './events';
import type { CaseEvent } from './events';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const optionalText = (max: number) => v.optional(text(max));
const required = (max: number, what: string) => v.pipe(v.string(), v.trim(), v.nonEmpty(`${what} is required`), v.maxLength(max));

export const IsoInstantSchema = v.pipe(
  v.string('must be an ISO date-time'),
  v.check((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO date-time such as 2026-03-02T09:30:00.000Z'),
);

const messageData = v.strictObject({ messageId: optionalText(500) });

const DATA_SCHEMAS = {
  received: messageData,
  customer_replied: messageData,
  acknowledged: v.strictObject({ reference: optionalText(64), messageId: optionalText(500) }),
  responded: messageData,
  awaiting_customer: v.strictObject({ note: optionalText(2000) }),
  escalated: v.strictObject({ reason: required(2000, 'reason'), to: required(500, 'to') }),
  escalation_updated: v.strictObject({ note: optionalText(2000) }),
  resolved: v.strictObject({ code: required(64, 'code'), summary: text(2000) }),
  followed_up: v.strictObject({ note: optionalText(2000) }),
  closed: v.strictObject({ satisfied: v.boolean(), reason: optionalText(2000) }),
  reopened: v.strictObject({ reason: optionalText(2000) }),
  category_set: v.strictObject({
    category: v.picklist(CATEGORIES),
    by: v.picklist(['classifier', 'agent']),
    confidence: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  }),
  template_inserted: v.strictObject({ templateId: required(200, 'templateId'), templateVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  outcome_recorded: v.strictObject({
    code: optionalText(64),
    summary: optionalText(2000),
    csat: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
    nps: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10))),
    followUpOn: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
    feedback: optionalText(4000),
  }),
  claimed: v.strictObject({ by: required(200, 'by') }),
  assigned: v.strictObject({ by: required(200, 'by'), owner: v.optional(required(200, 'owner')) }),
  handed_on: v.strictObject({ by: required(200, 'by'), owner: required(200, 'owner') }),
  released: v.strictObject({ by: required(200, 'by') }),
} as const;

export const EVENT_TYPES = Object.keys(DATA_SCHEMAS) as (keyof typeof DATA_SCHEMAS)[];

const EnvelopeSchema = v.strictObject({
  id: required(200, 'id'),
  caseId: required(1000, 'caseId'),
  type: v.picklist(EVENT_TYPES, 'type is not a known event type'),
  at: IsoInstantSchema,
  actor: required(200, 'actor'),
  source: v.picklist(['auto', 'agent'], 'source must be auto or agent'),
  data: v.unknown(),
});

export type EventCheck = { ok: true; event: CaseEvent } | { ok: false; error: string };

/** Checks an unknown value is a well-formed CaseEvent; the error names the field. */
export function parseCaseEvent(value: unknown): EventCheck {
  const envelope = v.safeParse(EnvelopeSchema, value);
  if (!envelope.success) return { ok: false, error: describeIssues(envelope.issues) };
  const data = v.safeParse(DATA_SCHEMAS[envelope.output.type], envelope.output.data);
  if (!data.success) return { ok: false, error: describeIssues(data.issues, 'data') };
  return { ok: true, event: { ...envelope.output, data: data.output } as CaseEvent };
}

export function describeIssues(issues: readonly v.BaseIssue<unknown>[], prefix?: string): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      const where = [prefix, path].filter(Boolean).join('.');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
