/**
 * The documents Caseline writes to the team database, described once as data (`DOC_SPEC`) and
 * turned into two checkers that must agree:
 * - valibot schemas, used by the extension before a document is sent and when one is pulled;
 * - plain ES5 source embedded in the design document's validate_doc_update, so the server
 *   refuses what the client would refuse (CouchDB 3's default JavaScript engine is ES5).
 *
 * The shapes themselves are the domain's (utils/cases/team-docs.ts).
 */
import * as v from 'valibot';
import type { CaseEventType } from '../cases/events';
import { DOC_TYPES, type DocType, type SyncDoc } from '../cases/team-docs';
import { CATEGORIES, STAGES } from '../cases/events';

/** Every case event type, checked against the event contract in both directions. */
export const CASE_EVENT_TYPES = [
  'received',
  'customer_replied',
  'acknowledged',
  'responded',
  'awaiting_customer',
  'escalated',
  'escalation_updated',
  'resolved',
  'followed_up',
  'closed',
  'reopened',
  'category_set',
  'template_inserted',
  'outcome_recorded',
  'claimed',
  'assigned',
  'handed_on',
  'released',
] as const satisfies readonly CaseEventType[];
type MissingEventType = Exclude<CaseEventType, (typeof CASE_EVENT_TYPES)[number]>;
const _allEventTypesListed: MissingEventType extends never ? true : false = true;
void _allEventTypesListed;

/** The roles the setup script gives users, and what they may do. */
export const ROLES = { agent: 'caseline-agent', lead: 'caseline-lead', admin: 'caseline-admin' } as const;

/** The shape of one value, as data (readable by the ES5 checker too). */
export type FieldSpec =
  | { kind: 'string'; optional?: boolean; maxLength?: number }
  | { kind: 'number'; optional?: boolean; min?: number; max?: number; integer?: boolean }
  | { kind: 'boolean'; optional?: boolean }
  | { kind: 'enum'; values: readonly string[]; optional?: boolean }
  | { kind: 'instant'; optional?: boolean }
  /** An object; listed fields are checked, others are allowed. */
  | { kind: 'object'; fields?: Record<string, FieldSpec>; optional?: boolean };

export interface DocTypeSpec {
  /** First part of `_id`. */
  idPrefix: string;
  /** Roles allowed to write it; empty = any Caseline user. */
  writerRoles: readonly string[];
  /** The payload, stored under the key named like the type. */
  payload: FieldSpec & { kind: 'object' };
  /** Payload fields that must hold the author's user name (who claims, who writes the note). */
  authorFields?: readonly string[];
  /**
   * The author may write new revisions of their own document (presence, rewritten at every
   * heartbeat); every other type is append-only.
   */
  replaceable?: boolean;
}

/** ISO 8601 instant with a zone (what `Date.prototype.toISOString` writes, or an offset). */
export const INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$';

const str = { kind: 'string', maxLength: 2000 } as const;
const optStr = { kind: 'string', optional: true, maxLength: 20000 } as const;
/** A thread key (utils/shared-inbox/thread-key.ts) is 64 hex digits. */
const THREAD_KEY = { kind: 'string', maxLength: 64 } as const;
/** A team member's user name. */
const HANDLE = { kind: 'string', maxLength: 200 } as const;

export const DOC_SPEC: Record<DocType, DocTypeSpec> = {
  event: {
    idPrefix: 'ev',
    writerRoles: [],
    payload: {
      kind: 'object',
      fields: {
        id: str,
        caseId: str,
        type: { kind: 'enum', values: CASE_EVENT_TYPES },
        at: { kind: 'instant' },
        actor: str,
        source: { kind: 'enum', values: ['auto', 'agent'] },
        data: { kind: 'object' },
      },
    },
  },
  outcome: {
    idPrefix: 'oc',
    writerRoles: [],
    payload: {
      kind: 'object',
      fields: {
        caseId: str,
        at: { kind: 'instant', optional: true },
        code: optStr,
        summary: optStr,
        csat: { kind: 'number', optional: true, integer: true, min: 1, max: 5 },
        nps: { kind: 'number', optional: true, integer: true, min: 0, max: 10 },
      },
    },
  },
  case: {
    idPrefix: 'cs',
    writerRoles: [],
    payload: {
      kind: 'object',
      fields: {
        caseId: str,
        category: { kind: 'enum', values: CATEGORIES, optional: true },
        stage: { kind: 'enum', values: STAGES, optional: true },
      },
    },
  },
  template: {
    idPrefix: 'tp',
    writerRoles: [ROLES.lead],
    payload: {
      kind: 'object',
      fields: { templateId: str, version: { kind: 'number', integer: true, min: 1 } },
    },
  },
  correction: {
    idPrefix: 'cr',
    writerRoles: [],
    payload: {
      kind: 'object',
      fields: {
        category: { kind: 'enum', values: CATEGORIES },
        previous: { kind: 'enum', values: CATEGORIES, optional: true },
      },
    },
  },
  erasure: {
    idPrefix: 'er',
    writerRoles: [],
    payload: { kind: 'object', fields: { subjectHash: str } },
  },
  settings: {
    idPrefix: 'st',
    writerRoles: [ROLES.lead],
    payload: { kind: 'object' },
  },
  claim: {
    idPrefix: 'cl',
    writerRoles: [],
    authorFields: ['by'],
    payload: {
      kind: 'object',
      fields: {
        id: str,
        thread: THREAD_KEY,
        change: { kind: 'enum', values: ['claimed', 'handed_on', 'released'] },
        at: { kind: 'instant' },
        by: HANDLE,
        owner: { ...HANDLE, optional: true },
        name: { kind: 'string', optional: true, maxLength: 200 },
      },
    },
  },
  assignment: {
    idPrefix: 'as',
    writerRoles: [ROLES.lead],
    authorFields: ['by'],
    payload: {
      kind: 'object',
      fields: { id: str, thread: THREAD_KEY, at: { kind: 'instant' }, by: HANDLE, owner: { ...HANDLE, optional: true }, name: { kind: 'string', optional: true, maxLength: 200 } },
    },
  },
  note: {
    idPrefix: 'nt',
    writerRoles: [],
    authorFields: ['by'],
    payload: {
      kind: 'object',
      fields: { id: str, thread: THREAD_KEY, at: { kind: 'instant' }, by: HANDLE, text: { kind: 'string', maxLength: 2000 }, name: { kind: 'string', optional: true, maxLength: 200 } },
    },
  },
  presence: {
    idPrefix: 'pr',
    writerRoles: [],
    authorFields: ['by'],
    replaceable: true,
    payload: { kind: 'object', fields: { at: { kind: 'instant' }, by: HANDLE, name: { kind: 'string', optional: true, maxLength: 200 }, threads: { kind: 'object' } } },
  },
};

/** `<prefix>:<agentId>:<ulid>` from an outbox id `<agentId>:<ulid>`. */
export function docIdFor(type: DocType, outboxId: string): string {
  return `${DOC_SPEC[type].idPrefix}:${outboxId}`;
}

/** Splits an outbox id `<agentId>:<ulid>` (the agent id itself may not contain ':'). */
export function splitOutboxId(outboxId: string): { agentId: string; ulid: string } | undefined {
  const at = outboxId.indexOf(':');
  if (at <= 0 || at === outboxId.length - 1) return undefined;
  return { agentId: outboxId.slice(0, at), ulid: outboxId.slice(at + 1) };
}

// ── valibot, built from the spec ────────────────────────────────────────────────────────────

const instantRe = new RegExp(INSTANT_PATTERN);

function schemaFor(spec: FieldSpec): v.GenericSchema {
  let base: v.GenericSchema;
  switch (spec.kind) {
    case 'string':
      base = spec.maxLength === undefined ? v.pipe(v.string(), v.minLength(1)) : v.pipe(v.string(), v.minLength(1), v.maxLength(spec.maxLength));
      break;
    case 'number': {
      const checks: Array<v.PipeItem<number, number, v.BaseIssue<unknown>>> = [v.finite()];
      if (spec.integer) checks.push(v.integer());
      if (spec.min !== undefined) checks.push(v.minValue(spec.min));
      if (spec.max !== undefined) checks.push(v.maxValue(spec.max));
      base = v.pipe(v.number(), ...checks);
      break;
    }
    case 'boolean':
      base = v.boolean();
      break;
    case 'enum':
      base = v.picklist(spec.values);
      break;
    case 'instant':
      base = v.pipe(v.string(), v.regex(instantRe));
      break;
    case 'object': {
      const entries: Record<string, v.GenericSchema> = {};
      for (const [k, f] of Object.entries(spec.fields ?? {})) entries[k] = schemaFor(f);
      base = v.looseObject(entries);
      break;
    }
  }
  return spec.optional ? v.optional(base) : base;
}

function docSchemaFor(type: DocType): v.GenericSchema {
  const spec = DOC_SPEC[type];
  return v.pipe(
    v.looseObject({
      _id: v.pipe(v.string(), v.minLength(1)),
      type: v.literal(type),
      author: v.pipe(v.string(), v.minLength(1)),
      agentId: v.pipe(v.string(), v.minLength(1), v.check((s) => !s.includes(':'), 'agentId may not contain ":"')),
      createdAt: v.pipe(v.string(), v.regex(instantRe)),
      [type]: schemaFor(spec.payload),
    }),
    v.check(
      (d) => (spec.authorFields ?? []).every((f) => ((d as Record<string, Record<string, unknown>>)[type] ?? {})[f] === (d as { author: string }).author),
      `${type}.${(spec.authorFields ?? []).join(', ')} must be its author`,
    ),
    v.check(
      (d) => {
        const doc = d as { _id: string; agentId: string };
        const head = `${spec.idPrefix}:${doc.agentId}:`;
        return doc._id.startsWith(head) && doc._id.length > head.length;
      },
      `_id must be "${spec.idPrefix}:<agentId>:<ulid>"`,
    ),
  );
}

export const SYNC_DOC_SCHEMAS: Record<DocType, v.GenericSchema> = Object.fromEntries(
  DOC_TYPES.map((t) => [t, docSchemaFor(t)]),
) as Record<DocType, v.GenericSchema>;

export type ParsedDoc = { ok: true; doc: SyncDoc } | { ok: false; reason: string };

/** Checks a document's shape (not who wrote it: the server does that). */
export function parseSyncDoc(input: unknown): ParsedDoc {
  if (typeof input !== 'object' || input === null) return { ok: false, reason: 'not an object' };
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !(DOC_TYPES as readonly string[]).includes(type)) {
    return { ok: false, reason: `unknown type ${JSON.stringify(type)}` };
  }
  const result = v.safeParse(SYNC_DOC_SCHEMAS[type as DocType], input);
  if (result.success) return { ok: true, doc: input as SyncDoc };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: path ? `${path}: ${issue.message}` : issue.message };
}

// ── the same rules as CouchDB validate_doc_update source (ES5) ──────────────────────────────

/**
 * How validate_doc_update words a write to an existing id. CouchDB 3 answers such a write
 * (no `_rev`) with 409 before validating; express-pouchdb validates first and answers 403 with
 * this reason: push treats both as "already there, compare".
 */
export const APPEND_ONLY_REASON = 'documents are append-only: ';

/**
 * The validate_doc_update function for the design document. Admins (server admins and the
 * caseline-admin role) bypass it; everyone else may only create new documents, in their own
 * name, of a known shape, with an id that starts with the type's prefix and their agent id.
 */
export function validateDocUpdateSource(): string {
  const spec = JSON.stringify({ types: DOC_SPEC, instant: INSTANT_PATTERN, roles: ROLES });
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var SPEC = ${spec};
  var APPEND_ONLY = ${JSON.stringify(APPEND_ONLY_REASON)};
  var roles = userCtx.roles || [];
  function has(role) { return roles.indexOf(role) !== -1; }
  function forbid(msg) { throw({ forbidden: msg }); }
  if (has('_admin') || has(SPEC.roles.admin)) return;
  if (!has(SPEC.roles.agent) && !has(SPEC.roles.lead)) throw({ unauthorized: 'only Caseline agents and leads may write' });
  if (newDoc._id.indexOf('_design/') === 0) forbid('only admins change design documents');
  if (newDoc._deleted) forbid('documents are never deleted; write an erasure request instead');
  var own = SPEC.types[newDoc.type];
  var replacing = !!(oldDoc && !oldDoc._deleted && own && own.replaceable && Object.prototype.hasOwnProperty.call(SPEC.types, newDoc.type) &&
    oldDoc.type === newDoc.type && oldDoc.author === userCtx.name);
  if (oldDoc && !oldDoc._deleted && !replacing) forbid(APPEND_ONLY + newDoc._id + ' already exists');
  if (newDoc.author !== userCtx.name) forbid('author must be the logged-in user (' + userCtx.name + ')');
  var t = SPEC.types[newDoc.type];
  if (typeof newDoc.type !== 'string' || !t || !Object.prototype.hasOwnProperty.call(SPEC.types, newDoc.type)) forbid('unknown type ' + JSON.stringify(newDoc.type));
  if (t.writerRoles.length) {
    var allowed = false;
    for (var r = 0; r < t.writerRoles.length; r++) if (has(t.writerRoles[r])) allowed = true;
    if (!allowed) forbid(newDoc.type + ' documents are written by ' + t.writerRoles.join(', '));
  }
  var instant = new RegExp(SPEC.instant);
  function check(f, value, path) {
    if (value === undefined) return f.optional ? null : path + ': required';
    if (f.kind === 'string') {
      if (typeof value !== 'string' || value.length < 1) return path + ': must be a non-empty string';
      if (f.maxLength !== undefined && value.length > f.maxLength) return path + ': too long';
    } else if (f.kind === 'number') {
      if (typeof value !== 'number' || !isFinite(value)) return path + ': must be a number';
      if (f.integer && Math.floor(value) !== value) return path + ': must be an integer';
      if (f.min !== undefined && value < f.min) return path + ': below ' + f.min;
      if (f.max !== undefined && value > f.max) return path + ': above ' + f.max;
    } else if (f.kind === 'boolean') {
      if (typeof value !== 'boolean') return path + ': must be true or false';
    } else if (f.kind === 'enum') {
      if (typeof value !== 'string' || f.values.indexOf(value) === -1) return path + ': must be one of ' + f.values.join(', ');
    } else if (f.kind === 'instant') {
      if (typeof value !== 'string' || !instant.test(value)) return path + ': must be an ISO instant';
    } else if (f.kind === 'object') {
      if (typeof value !== 'object' || value === null || Object.prototype.toString.call(value) === '[object Array]') return path + ': must be an object';
      if (f.fields) {
        for (var k in f.fields) {
          if (!Object.prototype.hasOwnProperty.call(f.fields, k)) continue;
          var err = check(f.fields[k], value[k], path + '.' + k);
          if (err) return err;
        }
      }
    }
    return null;
  }
  var base = check({ kind: 'string' }, newDoc.author, 'author') || check({ kind: 'string' }, newDoc.agentId, 'agentId') ||
    check({ kind: 'instant' }, newDoc.createdAt, 'createdAt') || check(t.payload, newDoc[newDoc.type], newDoc.type);
  if (base) forbid(base);
  var fields = t.authorFields || [];
  for (var af = 0; af < fields.length; af++) {
    if (newDoc[newDoc.type][fields[af]] !== userCtx.name) forbid(newDoc.type + '.' + fields[af] + ' must be the logged-in user (' + userCtx.name + ')');
  }
  if (newDoc.agentId.indexOf(':') !== -1) forbid('agentId may not contain ":"');
  var head = t.idPrefix + ':' + newDoc.agentId + ':';
  if (newDoc._id.indexOf(head) !== 0 || newDoc._id.length <= head.length) forbid('_id must be "' + t.idPrefix + ':<agentId>:<ulid>"');
}`;
}

/** The design document the setup script installs. */
export function designDocument(): { _id: string; language: 'javascript'; validate_doc_update: string; caselineVersion: number } {
  return { _id: '_design/caseline', language: 'javascript', validate_doc_update: validateDocUpdateSource(), caselineVersion: 1 };
}
