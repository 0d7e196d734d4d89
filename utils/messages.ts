/**
 * The typed protocol between contexts, and the schemas the background checks every payload
 * against before acting. Pure: no extension APIs here (utils/extension/messenger.ts binds it).
 */
import * as v from 'valibot';
import type { ThreadSnapshot } from './mailbox/types';

/** Who may send a message: the mailbox content scripts, the extension's own pages, or both. */
export type Audience = 'content' | 'page' | 'any';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Iso = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());

export const PartySchema = v.object({ name: v.optional(Text(320)), email: v.optional(Text(320)) });

export const ThreadSnapshotSchema = v.object({
  host: v.picklist(['gmail', 'outlook']),
  threadId: v.pipe(v.string(), v.minLength(1), v.maxLength(512)),
  subject: Text(2000),
  account: v.optional(Text(320)),
  messages: v.pipe(
    v.array(
      v.object({
        id: v.optional(Text(512)),
        from: PartySchema,
        sentAt: v.optional(Iso),
        direction: v.picklist(['inbound', 'outbound', 'unknown']),
        text: Text(1_000_000),
        collapsed: v.boolean(),
      }),
    ),
    v.maxLength(500),
  ),
}) satisfies v.GenericSchema<unknown, ThreadSnapshot>;

export const HealthReportSchema = v.object({
  host: v.picklist(['gmail', 'outlook']),
  ok: v.boolean(),
  missing: v.array(Text(100)),
});

/** Each message: its payload schema and who may send it. */
export const MESSAGE_RULES = {
  ping: { audience: 'any', schema: v.object({}) },
  snapshot: { audience: 'content', schema: ThreadSnapshotSchema },
  health: { audience: 'content', schema: HealthReportSchema },
} as const satisfies Record<string, { audience: Audience; schema: v.GenericSchema }>;

export type MessageType = keyof typeof MESSAGE_RULES;
export type PayloadOf<T extends MessageType> = v.InferOutput<(typeof MESSAGE_RULES)[T]['schema']>;

export interface PingInfo {
  version: string;
  refusedMessages: number;
}

/** Replies never throw across contexts: a refusal is a sentence the UI can show. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ProtocolMap {
  ping(data: PayloadOf<'ping'>): Reply<PingInfo>;
  snapshot(data: PayloadOf<'snapshot'>): Reply<{ caseId: string }>;
  health(data: PayloadOf<'health'>): Reply<null>;
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
