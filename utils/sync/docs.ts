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
import { TEMPLATE_LANGUAGES, TEMPLATE_STAGES } from '../templates/types';
import { MENTIONS_MAX } from '../shared-inbox/team-notes';

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
  | { kind: 'object'; fields?: Record<string, FieldSpec>; optional?: boolean }
  /** A list of at most `maxItems` values, each checked against `items`. */
  | { kind: 'array'; items: FieldSpec; maxItems: number; optional?: boolean };

/**
 * One document type. Every type is bound to its writer the same way (the validation and
 * parseSyncDoc check it for all of them): `author` and `agentId` are the signed-in user's name
 * and `_id` is `<idPrefix>:<that name>:<ulid>`; nobody, lead included, writes in another's name,
 * and nothing written is ever replaced or deleted except by a database admin. What differs per
 * type is below, plus the case key field in utils/cases/team-docs.ts (CASE_KEY_FIELD): records
 * about a case are merged in a lead's view only with their own author's records of that case.
 */
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
      fields: {
        templateId: str,
        version: { kind: 'number', integer: true, min: 1 },
        status: { kind: 'enum', values: ['approved', 'withdrawn'] },
        at: { kind: 'instant' },
        name: { kind: 'string', optional: true, maxLength: 200 },
        body: optStr,
        stage: { kind: 'enum', values: TEMPLATE_STAGES, optional: true },
        language: { kind: 'enum', values: TEMPLATE_LANGUAGES, optional: true },
        categories: { kind: 'array', items: { kind: 'enum', values: CATEGORIES }, maxItems: CATEGORIES.length, optional: true },
        approvedBy: { kind: 'string', optional: true, maxLength: 200 },
        approvedAt: { kind: 'instant', optional: true },
        approvals: {
          kind: 'array',
          maxItems: 1000,
          optional: true,
          items: { kind: 'object', fields: { version: { kind: 'number', integer: true, min: 1 }, by: { kind: 'string', maxLength: 200 }, at: { kind: 'instant' } } },
        },
      },
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
    payload: {
      kind: 'object',
      fields: {
        version: { kind: 'number', integer: true, min: 1 },
        at: { kind: 'instant' },
        presetId: { kind: 'string', optional: true, maxLength: 200 },
        policy: { kind: 'object' },
        holidays: { kind: 'object' },
      },
    },
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
      fields: {
        id: str,
        thread: THREAD_KEY,
        at: { kind: 'instant' },
        by: HANDLE,
        text: { kind: 'string', maxLength: 2000 },
        name: { kind: 'string', optional: true, maxLength: 200 },
        mentions: { kind: 'array', items: HANDLE, maxItems: MENTIONS_MAX, optional: true },
      },
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

/** `<prefix>:<owner>:<ulid>`: the id a record of `owner` (the signed-in user) has on the server. */
export function docIdFor(type: DocType, owner: string, ulid: string): string {
  return `${DOC_SPEC[type].idPrefix}:${owner}:${ulid}`;
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
      // An object, not a list (as the server's check says: valibot's objects would take an array).
      base = v.pipe(
        v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'must be an object'),
        v.looseObject(entries),
      );
      break;
    }
    case 'array':
      base = v.pipe(v.array(schemaFor(spec.items)), v.maxLength(spec.maxItems));
      break;
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
    v.check((d) => (d as { agentId: string; author: string }).agentId === (d as { author: string }).author, 'agentId must be its author (the user who wrote it)'),
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

/** Raised with every change to the rules below: the setup script installs a newer design document. */
export const VALIDATION_VERSION = 3;

/**
 * The validate_doc_update function for the design document. Admins (server admins and the
 * caseline-admin role) bypass it (maintenance, erasure); everyone else may only create new
 * documents, bound to themselves: `author` and `agentId` are the signed-in user's name and the
 * id is `<prefix>:<that name>:<ulid>`, of a known shape; payload fields that name a writer
 * (`by` of a claim, assignment, note or presence) are that user too. Nothing is ever updated or
 * deleted — except that the author of a replaceable record (presence) rewrites it in place — and
 * a replicated write (`new_edits=false`) may only bring a document's first revision: a later
 * revision with no stored ancestor would otherwise be taken for a new document and could win
 * over the one on record (a grafted branch).
 */
export function validateDocUpdateSource(): string {
  const spec = JSON.stringify({ types: DOC_SPEC, instant: INSTANT_PATTERN, roles: ROLES });
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var SPEC = ${spec};
  var APPEND_ONLY = ${JSON.stringify(APPEND_ONLY_REASON)};
  var roles = userCtx.roles || [];
  var name = userCtx.name;
  function has(role) { return roles.indexOf(role) !== -1; }
  function forbid(msg) { throw({ forbidden: msg }); }
  if (has('_admin') || has(SPEC.roles.admin)) return;
  if (!has(SPEC.roles.agent) && !has(SPEC.roles.lead)) throw({ unauthorized: 'only Caseline agents and leads may write' });
  if (typeof name !== 'string' || name.length < 1 || name.indexOf(':') !== -1) throw({ unauthorized: 'sign in with a user name (without ":") to write' });
  if (newDoc._id.indexOf('_design/') === 0) forbid('only admins change design documents');
  if (newDoc._deleted) forbid('documents are never deleted; write an erasure request instead');
  var spec = Object.prototype.hasOwnProperty.call(SPEC.types, newDoc.type) ? SPEC.types[newDoc.type] : null;
  if (oldDoc) {
    if (oldDoc.author !== undefined && oldDoc.author !== name) forbid(APPEND_ONLY + newDoc._id + ' belongs to ' + oldDoc.author);
    // The one rewrite allowed: an author's own record of a replaceable type (presence, at each
    // heartbeat), in place, as the same type.
    var rewrite = !!(spec && spec.replaceable && !oldDoc._deleted && oldDoc.author === name && oldDoc.type === newDoc.type);
    if (!rewrite) forbid(APPEND_ONLY + newDoc._id + (oldDoc._deleted ? ' was deleted and stays deleted' : ' already exists'));
  } else {
    var revs = newDoc._revisions;
    if ((typeof newDoc._rev === 'string' && newDoc._rev.indexOf('1-') !== 0) || (revs && (revs.start !== 1 || !revs.ids || revs.ids.length !== 1))) {
      forbid('only a first revision may be written: ' + newDoc._id + ' revision ' + newDoc._rev + ' has no stored ancestor (grafted branch refused)');
    }
  }
  if (newDoc.author !== name) forbid('author must be the logged-in user (' + name + ')');
  if (newDoc.agentId !== name) forbid('agentId must be the logged-in user (' + name + ')');
  var t = SPEC.types[newDoc.type];
  if (typeof newDoc.type !== 'string' || !t || !Object.prototype.hasOwnProperty.call(SPEC.types, newDoc.type)) forbid('unknown type ' + JSON.stringify(newDoc.type));
  if (t.writerRoles.length) {
    var allowed = false;
    for (var r = 0; r < t.writerRoles.length; r++) if (has(t.writerRoles[r])) allowed = true;
    if (!allowed) forbid(newDoc.type + ' documents are written by ' + t.writerRoles.join(', '));
  }
  var instant = new RegExp(SPEC.instant);
  function isArray(value) { return Object.prototype.toString.call(value) === '[object Array]'; }
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
      if (typeof value !== 'object' || value === null || isArray(value)) return path + ': must be an object';
      if (f.fields) {
        for (var k in f.fields) {
          if (!Object.prototype.hasOwnProperty.call(f.fields, k)) continue;
          var err = check(f.fields[k], value[k], path + '.' + k);
          if (err) return err;
        }
      }
    } else if (f.kind === 'array') {
      if (!isArray(value)) return path + ': must be a list';
      if (value.length > f.maxItems) return path + ': too many items';
      for (var i = 0; i < value.length; i++) {
        var itemErr = check(f.items, value[i], path + '.' + i);
        if (itemErr) return itemErr;
      }
    }
    return null;
  }
  var base = check({ kind: 'string' }, newDoc.author, 'author') || check({ kind: 'string' }, newDoc.agentId, 'agentId') ||
    check({ kind: 'instant' }, newDoc.createdAt, 'createdAt') || check(t.payload, newDoc[newDoc.type], newDoc.type);
  if (base) forbid(base);
  var fields = t.authorFields || [];
  for (var af = 0; af < fields.length; af++) {
    if (newDoc[newDoc.type][fields[af]] !== name) forbid(newDoc.type + '.' + fields[af] + ' must be the logged-in user (' + name + ')');
  }
  var head = t.idPrefix + ':' + newDoc.agentId + ':';
  if (newDoc._id.indexOf(head) !== 0 || newDoc._id.length <= head.length) forbid('_id must be "' + t.idPrefix + ':<agentId>:<ulid>"');
}`;
}

/** The design document the setup script installs. */
export function designDocument(): { _id: string; language: 'javascript'; validate_doc_update: string; caselineVersion: number } {
  return { _id: '_design/caseline', language: 'javascript', validate_doc_update: validateDocUpdateSource(), caselineVersion: VALIDATION_VERSION };
}
