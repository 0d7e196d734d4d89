/**
 * The typed protocol between contexts, and the schemas the background checks every payload
 * against before acting. Pure: no extension APIs here (utils/extension/messenger.ts binds it).
 */
import * as v from 'valibot';
import type { CaseView, ListChip, QueueItem, TemplateSummary } from './case-view';
import type { DashboardBasis } from './metrics/dashboard-view';
import type { TeamView } from './desk/team-publications';
import type { ThreadSnapshot, ThreadListRow } from './cases/mail-thread';
import { SNAPSHOT_LIMITS as L } from './cases/fit-snapshot';
import type { CaselineSettings } from './settings/settings';
import type { CaseTeamView, MentionView } from './shared-inbox/case-team-view';
import type { PresenceForTab } from './shared-inbox/presence';
import type { ThreadDeadline } from './shared-inbox/unassigned-at-risk';
import type { RenderedForInsert, Template } from './templates/types';
import { MAX_BACKUP_BYTES, MAX_TEMPLATES_BYTES, tooLargeMessage } from './backup/import-limits';

/** Who may send a message: the mailbox content scripts, the extension's own pages, or both. */
export type Audience = 'content' | 'page' | 'any';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Iso = v.pipe(v.string(), v.maxLength(L.instant), v.isoTimestamp());
/** A file's text: its length is checked before anything parses it. */
const FileText = (what: string, max: number) => v.pipe(v.string(), v.maxLength(max, (issue) => tooLargeMessage(what, Number(issue.received), max)));

export const PartySchema = v.object({ name: v.optional(Text(L.party)), email: v.optional(Text(L.party)) });

export const ThreadSnapshotSchema = v.object({
  host: v.picklist(['gmail', 'outlook']),
  threadId: v.pipe(v.string(), v.minLength(1), v.maxLength(L.threadId)),
  subject: Text(L.subject),
  account: v.optional(Text(L.party)),
  messages: v.pipe(
    v.array(
      v.object({
        id: v.optional(Text(L.messageId)),
        from: PartySchema,
        sentAt: v.optional(Iso),
        direction: v.picklist(['inbound', 'outbound', 'unknown']),
        text: Text(L.messageText),
        collapsed: v.boolean(),
      }),
    ),
    v.maxLength(L.messages),
  ),
}) satisfies v.GenericSchema<unknown, ThreadSnapshot>;

export const HealthReportSchema = v.object({
  host: v.picklist(['gmail', 'outlook']),
  ok: v.boolean(),
  missing: v.array(Text(100)),
});

export const ThreadListSchema = v.object({
  host: v.picklist(['gmail', 'outlook']),
  rows: v.pipe(
    v.array(
      v.object({
        threadId: v.optional(Text(L.threadId)),
        subject: Text(L.subject),
        snippet: v.optional(Text(L.snippet)),
        from: PartySchema,
        dateText: Text(L.dateText),
        sentAt: v.optional(Iso),
        unread: v.boolean(),
      }),
    ),
    v.maxLength(L.rows),
  ),
}) satisfies v.GenericSchema<unknown, { host: 'gmail' | 'outlook'; rows: ThreadListRow[] }>;

const CaseId = v.pipe(v.string(), v.minLength(3), v.maxLength(600));
/** No payload: an empty object, nothing else. */
const Empty = v.strictObject({});
const Handle = v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.regex(/^[^:\s]+$/));

/** An ownership command from the sidebar (the rules are the domain's: utils/shared-inbox/ownership.ts). */
export const OwnershipCommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('claim') }),
  v.strictObject({ type: v.literal('handOn'), to: Handle }),
  v.strictObject({ type: v.literal('release') }),
  v.strictObject({ type: v.literal('assign'), to: v.nullable(Handle) }),
]);

/**
 * Each message: its payload schema and who may send it. Payloads whose rules live in the domain
 * (case commands, settings, templates) are checked again there, field by field.
 */
export const MESSAGE_RULES = {
  ping: { audience: 'any', schema: Empty },
  // From the mailbox content scripts.
  snapshot: { audience: 'content', schema: ThreadSnapshotSchema },
  threadList: { audience: 'content', schema: ThreadListSchema },
  health: { audience: 'content', schema: HealthReportSchema },
  caseCommand: { audience: 'any', schema: v.object({ caseId: CaseId, command: v.looseObject({ type: v.pipe(v.string(), v.maxLength(40)) }) }) },
  renderTemplate: {
    audience: 'content',
    schema: v.object({ caseId: CaseId, templateId: Text(200), values: v.record(Text(100), Text(2000)) }),
  },
  templateList: { audience: 'any', schema: v.object({ caseId: v.optional(CaseId) }) },
  queue: { audience: 'any', schema: Empty },
  // Shared inbox: owners, notes, mentions (sidebar), the lead's at-risk list.
  teamCase: { audience: 'any', schema: v.object({ caseId: CaseId }) },
  ownership: { audience: 'any', schema: v.object({ caseId: CaseId, command: OwnershipCommandSchema }) },
  addNote: { audience: 'any', schema: v.object({ caseId: CaseId, text: Text(4000) }) },
  mentions: { audience: 'any', schema: Empty },
  mentionsSeen: { audience: 'any', schema: v.object({ ids: v.pipe(v.array(Text(300)), v.maxLength(200)) }) },
  atRisk: { audience: 'any', schema: Empty },
  // From the extension's own pages.
  getSettings: { audience: 'any', schema: Empty },
  saveSettings: { audience: 'page', schema: v.object({ settings: v.unknown() }) },
  listTemplates: { audience: 'page', schema: Empty },
  saveTemplate: { audience: 'page', schema: v.object({ template: v.unknown() }) },
  approveTemplate: { audience: 'page', schema: v.object({ id: Text(200) }) },
  retireTemplate: { audience: 'page', schema: v.object({ id: Text(200) }) },
  importTemplates: { audience: 'page', schema: v.object({ json: FileText('templates file', MAX_TEMPLATES_BYTES), approve: v.boolean() }) },
  databaseReady: { audience: 'page', schema: Empty },
  importBackup: { audience: 'page', schema: v.object({ json: FileText('backup', MAX_BACKUP_BYTES) }) },
  eraseCustomer: { audience: 'page', schema: v.object({ email: v.pipe(v.string(), v.trim(), v.email()) }) },
  eraseEverything: { audience: 'page', schema: v.object({ confirm: v.literal('ERASE') }) },
  syncConnect: {
    audience: 'page',
    schema: v.object({ url: Text(2000), db: Text(200), user: Text(200), password: Text(1000) }),
  },
  syncStatus: { audience: 'page', schema: Empty },
  teamView: { audience: 'page', schema: Empty },
  publishTemplate: { audience: 'page', schema: v.object({ id: Text(200) }) },
  withdrawTemplate: { audience: 'page', schema: v.object({ id: Text(200) }) },
  publishSettings: { audience: 'page', schema: Empty },
  syncNow: { audience: 'page', schema: Empty },
  syncDisconnect: { audience: 'page', schema: Empty },
  dashboardBasis: { audience: 'page', schema: v.object({ source: v.picklist(['local', 'team']) }) },
} as const satisfies Record<string, { audience: Audience; schema: v.GenericSchema }>;

/** Messages the background receives (caseUpdated goes the other way). */
export type MessageType = keyof typeof MESSAGE_RULES;
export type PayloadOf<T extends MessageType> = v.InferOutput<(typeof MESSAGE_RULES)[T]['schema']>;

export interface PingInfo {
  version: string;
  refusedMessages: number;
}

/** A field-level problem, for forms. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Replies never throw across contexts: a refusal is a sentence the UI can show. `code`
 * 'case-not-shown': a mailbox tab asked about a case its last snapshot was not of (the
 * background may have restarted and forgotten): send the snapshot again, then retry.
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; fields?: FieldProblem[]; code?: 'case-not-shown' };

export interface SyncStatus {
  configured: boolean;
  enabled: boolean;
  url?: string;
  db?: string;
  user?: string;
  /** Records waiting to be sent, and those the server refused (kept, with the reason). */
  pending: number;
  rejected: Array<{ id: string; reason: string }>;
  lastPushAt?: string;
  lastPullAt?: string;
  nextRetryAt?: string;
  lastError?: string;
  /** The roles the server gave this user at the last sign-in. */
  serverRoles?: string[];
  /** The live feed, while a page or a mailbox tab keeps it open. */
  live: LiveStatus;
  /** Pulled documents refused (bad shape, not bound to their author) or kept against a different revision. */
  refusedDocs: Array<{ id: string; reason: string }>;
}

/** The live feed in words the pages show. */
export type LiveStatus =
  | { state: 'off' }
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'retrying'; retryAt: string; error: string; attempt: number };

/** The long-lived port pages and mailbox tabs open while they want the team's changes live. */
export const LIVE_PORT = 'caseline-live';

/** What a page or tab sends on the live port: a keep-alive every 20 s (it keeps the worker up). */
export const LivePortMessageSchema = v.object({ type: v.literal('keepalive') });

/** What the background sends on the live port. */
export type LiveNotice =
  | { type: 'live'; live: LiveStatus }
  /** Team sync is off: there is nothing to follow (a mailbox tab closes its port until shown again). */
  | { type: 'syncOff' }
  | { type: 'teamChanged'; stored: number; removed: number; publications: boolean }
  /** Data was erased (a customer or everything): figures on an open page may show what is gone. */
  | { type: 'erased' };

export interface ProtocolMap {
  ping(data: PayloadOf<'ping'>): Reply<PingInfo>;
  snapshot(data: PayloadOf<'snapshot'>): Reply<CaseView | null>;
  threadList(data: PayloadOf<'threadList'>): Reply<ListChip[]>;
  health(data: PayloadOf<'health'>): Reply<null>;
  caseCommand(data: PayloadOf<'caseCommand'>): Reply<CaseView>;
  renderTemplate(data: PayloadOf<'renderTemplate'>): Reply<RenderedForInsert>;
  templateList(data: PayloadOf<'templateList'>): Reply<TemplateSummary[]>;
  queue(data: PayloadOf<'queue'>): Reply<QueueItem[]>;
  /** Background → content script of each tab showing that case. */
  caseUpdated(data: CaseView): void;
  teamCase(data: PayloadOf<'teamCase'>): Reply<CaseTeamView>;
  ownership(data: PayloadOf<'ownership'>): Reply<CaseTeamView>;
  addNote(data: PayloadOf<'addNote'>): Reply<CaseTeamView>;
  mentions(data: PayloadOf<'mentions'>): Reply<MentionView[]>;
  mentionsSeen(data: PayloadOf<'mentionsSeen'>): Reply<null>;
  atRisk(data: PayloadOf<'atRisk'>): Reply<ThreadDeadline[]>;
  /** Background → content script of every mailbox tab: these cases (all, without caseIds) were erased. */
  dataErased(data: { caseIds?: string[] }): void;
  getSettings(data: PayloadOf<'getSettings'>): Reply<CaselineSettings>;
  saveSettings(data: PayloadOf<'saveSettings'>): Reply<CaselineSettings>;
  listTemplates(data: PayloadOf<'listTemplates'>): Reply<Template[]>;
  saveTemplate(data: PayloadOf<'saveTemplate'>): Reply<Template>;
  approveTemplate(data: PayloadOf<'approveTemplate'>): Reply<Template>;
  retireTemplate(data: PayloadOf<'retireTemplate'>): Reply<Template>;
  importTemplates(data: PayloadOf<'importTemplates'>): Reply<{ count: number }>;
  /** The database is open (made or upgraded by the background): pages may read it at this schema version. */
  databaseReady(data: PayloadOf<'databaseReady'>): Reply<{ schemaVersion: number }>;
  importBackup(data: PayloadOf<'importBackup'>): Reply<{ applied: number }>;
  eraseCustomer(data: PayloadOf<'eraseCustomer'>): Reply<{ removed: number; teamErasureQueued: boolean }>;
  eraseEverything(data: PayloadOf<'eraseEverything'>): Reply<null>;
  syncConnect(data: PayloadOf<'syncConnect'>): Reply<SyncStatus>;
  syncStatus(data: PayloadOf<'syncStatus'>): Reply<SyncStatus>;
  teamView(data: PayloadOf<'teamView'>): Reply<TeamView>;
  publishTemplate(data: PayloadOf<'publishTemplate'>): Reply<TeamView>;
  withdrawTemplate(data: PayloadOf<'withdrawTemplate'>): Reply<TeamView>;
  publishSettings(data: PayloadOf<'publishSettings'>): Reply<TeamView>;
  syncNow(data: PayloadOf<'syncNow'>): Reply<SyncStatus>;
  syncDisconnect(data: PayloadOf<'syncDisconnect'>): Reply<SyncStatus>;
  dashboardBasis(data: PayloadOf<'dashboardBasis'>): Reply<DashboardBasis>;
}

/** Checks a payload against its schema; the issues name the fields. */
export function validatePayload<T extends MessageType>(type: T, data: unknown): { ok: true; value: PayloadOf<T> } | { ok: false; error: string } {
  const rule = MESSAGE_RULES[type];
  const result = v.safeParse(rule.schema, data);
  if (result.success) return { ok: true, value: result.output as PayloadOf<T> };
  const where = result.issues
    .slice(0, 3)
    .map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, error: `refused ${type}: ${where}` };
}

/** Sender facts the background checks, taken from runtime.MessageSender. */
export interface SenderFacts {
  extensionId: string | undefined;
  /** URL of the tab or page that sent the message. */
  url: string | undefined;
  /** True when the sender is a tab's content script (sender.tab is set and the URL is a web page). */
  fromTab: boolean;
}

export const MAIL_ORIGINS = [
  'https://mail.google.com',
  'https://outlook.live.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
] as const;

export function isMailOrigin(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return (MAIL_ORIGINS as readonly string[]).includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/** Whether a sender may send a message meant for `audience`. */
export function senderAllowed(audience: Audience, sender: SenderFacts, ownId: string, ownOrigin: string): boolean {
  if (sender.extensionId !== ownId) return false;
  const fromContent = sender.fromTab && isMailOrigin(sender.url);
  const fromPage = !!sender.url && sender.url.startsWith(ownOrigin);
  if (audience === 'content') return fromContent;
  if (audience === 'page') return fromPage;
  return fromContent || fromPage;
}

/**
 * The team port a mailbox tab keeps open: the tab says which case it shows and when the agent
 * types a reply; the background publishes the install's presence and sends back who else is on
 * that conversation, the case's team view when its owner or notes change, and the number of
 * unseen mentions. The port closing (the tab closed, or left the mailbox) withdraws the tab's
 * presence at once.
 */
export const TEAM_PORT = 'caseline-team';

export const TeamPortMessageSchema = v.variant('type', [
  /** The conversation shown now (null: none). */
  v.strictObject({ type: v.literal('thread'), caseId: v.nullable(CaseId) }),
  /** The agent typed in the reply editor (sent at most every few seconds). */
  v.strictObject({ type: v.literal('typing') }),
  /** The reply editor was sent, discarded or closed. */
  v.strictObject({ type: v.literal('replyClosed') }),
  /** Still here (on the tab's shared ticker, while a conversation is shown). */
  v.strictObject({ type: v.literal('heartbeat') }),
  v.strictObject({ type: v.literal('offline') }),
  v.strictObject({ type: v.literal('online') }),
]);
export type TeamPortMessage = v.InferOutput<typeof TeamPortMessageSchema>;

/** What the background sends on the team port. */
export type TeamPortNotice =
  | PresenceForTab
  | { type: 'teamCase'; view: CaseTeamView }
  | { type: 'mentions'; unseen: number }
  /** One of the agent's ownership changes did not take (a teammate's came first). */
  | { type: 'overridden'; caseId?: string; text: string };
