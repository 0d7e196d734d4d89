/** Runtime checks for every stored record, used by backup and CSV import. */
import * as v from 'valibot';
import { CATEGORIES, STAGES } from '../cases/events';
import { IsoInstantSchema } from '../cases/event-schema';
import { isCalendarDate, RESOLUTION_CODES } from '../cases/outcome';
import { TEMPLATE_LANGUAGES, TEMPLATE_STAGES, TEMPLATE_STATUSES } from '../templates/types';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmpty = (max: number) => v.pipe(v.string(), v.nonEmpty('must not be empty'), v.maxLength(max));

const OUTBOX_KINDS = ['case', 'event', 'outcome', 'erasure', 'claim', 'assignment', 'note'] as const;

export const CaseRecordSchema = v.strictObject({
  caseId: v.pipe(nonEmpty(1000), v.regex(/^(gmail|outlook):.+$/, 'must look like gmail:<thread> or outlook:<thread>')),
  host: v.picklist(['gmail', 'outlook']),
  threadId: nonEmpty(1000),
  subject: text(2000),
  customerEmail: v.optional(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('must be an email address'))),
  customerName: v.optional(text(500)),
  category: v.optional(v.picklist(CATEGORIES)),
  stage: v.picklist(STAGES),
  reference: v.optional(text(64)),
  agentId: nonEmpty(200),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
  nextDueAt: v.optional(IsoInstantSchema),
  open: v.picklist([0, 1]),
  closedAt: v.optional(IsoInstantSchema),
});

export const OutcomeRecordSchema = v.strictObject({
  caseId: nonEmpty(1000),
  agentId: nonEmpty(200),
  recordedAt: IsoInstantSchema,
  code: v.optional(v.picklist(RESOLUTION_CODES)),
  summary: v.optional(text(500)),
  csat: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
  nps: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10))),
  followUpOn: v.optional(v.pipe(v.string(), v.check(isCalendarDate, 'must be a date YYYY-MM-DD'))),
  feedback: v.optional(text(2000)),
});

/** The low-level template row (schema.ts's TemplateRecord). */
const TemplateRowSchema = v.strictObject({
  id: nonEmpty(200),
  name: text(200),
  body: text(20000),
  category: v.optional(v.picklist(CATEGORIES)),
  stage: v.optional(v.picklist(STAGES)),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  approved: v.optional(v.strictObject({ by: nonEmpty(200), at: IsoInstantSchema })),
  updatedAt: IsoInstantSchema,
});

/** A template of the approved library, as the library stores it (utils/templates/types.ts). */
const LibraryTemplateSchema = v.strictObject({
  id: nonEmpty(200),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  name: nonEmpty(200),
  stage: v.picklist(TEMPLATE_STAGES),
  categories: v.pipe(v.array(v.picklist(CATEGORIES)), v.maxLength(CATEGORIES.length)),
  language: v.picklist(TEMPLATE_LANGUAGES),
  body: text(20000),
  status: v.picklist(TEMPLATE_STATUSES),
  approvedBy: v.optional(text(200)),
  approvedAt: v.optional(IsoInstantSchema),
  updatedAt: IsoInstantSchema,
  shortcut: v.optional(text(24)),
});

/** Either shape a templates row may have: the library's templates are what an install holds. */
export const TemplateRecordSchema = v.union([LibraryTemplateSchema, TemplateRowSchema], 'must be a template as the library stores it');

export const KeyValueSchema = v.strictObject({ key: nonEmpty(200), value: v.unknown() });

export const OutboxItemSchema = v.strictObject({
  id: nonEmpty(300),
  kind: v.picklist(OUTBOX_KINDS),
  doc: v.looseObject({ kind: v.picklist(OUTBOX_KINDS) }),
  state: v.picklist(['pending', 'rejected']),
  attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lastError: v.optional(text(4000)),
  createdAt: IsoInstantSchema,
  caseId: v.optional(nonEmpty(1000)),
});

export const CheckpointSchema = v.strictObject({ id: nonEmpty(1000), seq: text(1000), updatedAt: IsoInstantSchema });

export const CounterSchema = v.strictObject({ key: nonEmpty(200), value: v.pipe(v.number(), v.integer(), v.minValue(0)) });

export const CorrectionSchema = v.strictObject({
  id: nonEmpty(200),
  at: IsoInstantSchema,
  to: v.picklist(CATEGORIES),
  from: v.optional(v.picklist(CATEGORIES)),
  caseId: v.optional(nonEmpty(1000)),
  agentId: v.optional(nonEmpty(200)),
  features: v.optional(v.record(v.string(), v.number())),
});

export const TeamRecordSchema = v.strictObject({
  id: nonEmpty(1000),
  type: nonEmpty(64),
  agentId: v.string(),
  /** The case the document is about (since v5); filled in again on restore. */
  caseId: v.optional(nonEmpty(1000)),
  doc: v.looseObject({ _id: nonEmpty(1000), type: nonEmpty(64) }),
});

const ThreadKeySchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a thread key (64 hex digits)'));
const HandleSchema = v.pipe(nonEmpty(200), v.regex(/^[^:\s]+$/, 'must be a user name without ":" or spaces'));

/** Shared inbox (v7): one ownership change. */
export const OwnershipRecordSchema = v.strictObject({
  id: nonEmpty(200),
  thread: ThreadKeySchema,
  type: v.picklist(['claimed', 'assigned', 'handed_on', 'released']),
  at: IsoInstantSchema,
  by: HandleSchema,
  owner: v.optional(HandleSchema),
  name: v.optional(text(200)),
  caseId: v.optional(nonEmpty(1000)),
  origin: v.picklist(['local', 'team']),
  docId: v.optional(nonEmpty(300)),
});

/** Shared inbox (v7): one internal note. */
export const NoteRecordSchema = v.strictObject({
  id: nonEmpty(300),
  thread: ThreadKeySchema,
  by: HandleSchema,
  name: v.optional(text(200)),
  at: IsoInstantSchema,
  text: v.pipe(v.string(), v.nonEmpty('must not be empty'), v.maxLength(2000)),
  mentions: v.pipe(v.array(HandleSchema), v.maxLength(20)),
  caseId: v.optional(nonEmpty(1000)),
  origin: v.picklist(['local', 'team']),
  docId: v.optional(nonEmpty(300)),
  seen: v.optional(v.literal(1)),
});
