/**
 * Events the mailbox already shows, so the agent never clicks them: the first customer message
 * (received), the first reply sent (acknowledged + responded), a customer writing again
 * (customer_replied, and reopened when the case was resolved or closed).
 *
 * Times are the messages' own times from the page, never the moment the thread was opened.
 *
 * Idempotency: each message is known by a key — its id, or when the page gives none,
 * "<direction>@<sentAt>", or "<direction>#<position in thread>" as a last resort — stored in the
 * event's `messageId`. A message whose key is already in the log, or whose time is not later than
 * what the log already covers (last customer message, first response), produces nothing. Running
 * this twice on the same snapshot adds nothing.
 *
 * Messages without a parseable `sentAt` (conservative fallback, documented rule):
 *  - inbound: the time of the nearest earlier dated message in the thread (it cannot have
 *    arrived before it, and the earliest defensible time never understates how long the customer
 *    has waited); if none, the nearest later dated message; if none, `ctx.now`; if no `now` is
 *    given, the message is skipped until the page shows a time.
 *  - outbound: the nearest later dated message (it was sent before it; never credits a reply
 *    earlier than we can show), else `ctx.now`, else skipped.
 * Direction 'unknown' is resolved with the signed-in address when the snapshot has one (sender
 * is the account → outbound, another address → inbound); otherwise the message is ignored.
 */
import type { MailHost, MessageSnapshot, ThreadListRow, ThreadSnapshot } from './mail-thread';
import { caseIdFor } from './case-id';
import type { CaseEvent, CaseEventType, EventDataByType } from './events';
import { applyEvent, deriveCase } from './lifecycle';
import type { CaseState, ReferenceKind } from './lifecycle';

export interface AutoEventContext {
  newId: () => string;
  /** The agent whose mailbox this is (recorded on acknowledged/responded). */
  agentId: string;
  /** ISO instant, used only for messages that carry no time at all. */
  now?: string;
  /** When given, an automatic acknowledgement of a complaint or support request gets its number. */
  nextReference?: (kind: ReferenceKind) => string;
}

const MESSAGE_EVENT_TYPES: readonly CaseEventType[] = ['received', 'customer_replied', 'acknowledged', 'responded'];

/** Message keys already in the log. */
function knownMessageKeys(events: readonly CaseEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const event of events) {
    if (!MESSAGE_EVENT_TYPES.includes(event.type)) continue;
    const messageId = (event.data as { messageId?: string }).messageId;
    if (messageId) keys.add(messageId);
  }
  return keys;
}

function isoOrUndefined(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function directionOf(message: MessageSnapshot, account: string | undefined): 'inbound' | 'outbound' | null {
  if (message.direction !== 'unknown') return message.direction;
  const from = message.from.email?.trim().toLowerCase();
  const me = account?.trim().toLowerCase();
  if (!from || !me) return null;
  return from === me ? 'outbound' : 'inbound';
}

/** Each message's time under the fallback rule above (undefined = skip). */
function messageTimes(messages: readonly MessageSnapshot[], directions: readonly ('inbound' | 'outbound' | null)[], now: string | undefined): (string | undefined)[] {
  const own = messages.map((m) => isoOrUndefined(m.sentAt));
  const nowIso = isoOrUndefined(now);
  return own.map((time, i) => {
    if (time) return time;
    const earlier = findDated(own, i, -1);
    const laterTime = findDated(own, i, +1);
    if (directions[i] === 'inbound') return earlier ?? laterTime ?? nowIso;
    return laterTime ?? nowIso;
  });
}

function findDated(times: readonly (string | undefined)[], from: number, step: 1 | -1): string | undefined {
  for (let j = from + step; j >= 0 && j < times.length; j += step) {
    const t = times[j];
    if (t) return t;
  }
  return undefined;
}

const after = (a: string, b: string | undefined): boolean => b === undefined || Date.parse(a) > Date.parse(b);

/** New automatic events for a thread read from the page; [] when the log already says it all. */
export function eventsFromSnapshot(snapshot: ThreadSnapshot, known: { events: readonly CaseEvent[] }, ctx: AutoEventContext): CaseEvent[] {
  const caseId = caseIdFor(snapshot.host, snapshot.threadId);
  const messages = snapshot.messages;
  const directions = messages.map((m) => directionOf(m, snapshot.account));
  const times = messageTimes(messages, directions, ctx.now);
  const keys = messages.map((m, i) => m.id || (m.sentAt && isoOrUndefined(m.sentAt) ? `${directions[i]}@${isoOrUndefined(m.sentAt)}` : `${directions[i]}#${i}`));
  const seen = knownMessageKeys(known.events);
  const receivedWithoutMessage = known.events.some((e) => e.type === 'received' && !e.data.messageId);

  let state: CaseState = deriveCase(known.events);
  const created: CaseEvent[] = [];
  const emit = <T extends CaseEventType>(type: T, at: string, actor: string, data: EventDataByType[T]): void => {
    const event = { id: ctx.newId(), caseId, type, at, actor, source: 'auto', data } as CaseEvent;
    created.push(event);
    state = applyEvent(state, event);
  };

  let firstInboundSeen = false;
  let previousDirection: 'inbound' | 'outbound' | null = null;
  for (let i = 0; i < messages.length; i++) {
    const direction = directions[i] ?? null;
    const at = times[i];
    const key = keys[i]!;
    if (direction === null) continue;
    const isFirstInbound = direction === 'inbound' && !firstInboundSeen;
    if (direction === 'inbound') firstInboundSeen = true;
    const before = previousDirection;
    previousDirection = direction;
    if (at === undefined || seen.has(key)) continue;

    if (direction === 'inbound') {
      if (state.stage === null) {
        emit('received', at, 'customer', { messageId: key });
        continue;
      }
      // The first inbound message is the one a list row already started the case with.
      if (isFirstInbound && receivedWithoutMessage) continue;
      if (!after(at, state.lastCustomerMessageAt)) continue;
      const finished = state.stage === 'resolved' || state.stage === 'followed_up' || state.stage === 'closed';
      if (before === 'outbound' || state.waitingOnCustomer || finished) {
        emit('customer_replied', at, 'customer', { messageId: key });
        if (finished) emit('reopened', at, 'system', { reason: 'The customer wrote again.' });
      }
    } else {
      if (state.stage === null || state.firstResponseAt !== undefined) continue;
      if (state.firstInboundAt !== undefined && Date.parse(at) < Date.parse(state.firstInboundAt)) continue;
      if (state.stage === 'received') {
        const kind = state.category;
        const reference = !state.reference && ctx.nextReference && kind && kind !== 'inquiry' ? ctx.nextReference(kind) : undefined;
        emit('acknowledged', at, ctx.agentId, reference ? { reference, messageId: key } : { messageId: key });
      }
      emit('responded', at, ctx.agentId, { messageId: key });
    }
  }
  return created;
}

/**
 * Starts a case from a conversation-list row before the thread is opened: `received` at the
 * row's own time. Nothing when the case already has events, the row has no thread id or no
 * parseable time (the thread will be read when opened), or the sender is the signed-in account.
 */
export function eventsFromListRow(
  row: ThreadListRow,
  known: { events: readonly CaseEvent[] },
  ctx: AutoEventContext & { host: MailHost; account?: string },
): CaseEvent[] {
  if (known.events.length > 0 || !row.threadId) return [];
  const at = isoOrUndefined(row.sentAt);
  if (!at) return [];
  const from = row.from.email?.trim().toLowerCase();
  if (from && ctx.account && from === ctx.account.trim().toLowerCase()) return [];
  return [{ id: ctx.newId(), caseId: caseIdFor(ctx.host, row.threadId), type: 'received', at, actor: 'customer', source: 'auto', data: {} }];
}
