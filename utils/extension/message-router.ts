/**
 * The background's front door: every message is checked for its sender (our own content script
 * on a mailbox host, or our own extension page) and validated against its schema before a
 * handler runs. Refusals are counted and answered with a sentence, never acted on.
 */
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { isMailOrigin, MESSAGE_RULES, senderAllowed, validatePayload, type MessageType, type PayloadOf, type ProtocolMap } from '../messages';
import { onMessage } from './messenger';

type ReplyOf<T extends MessageType> = ReturnType<ProtocolMap[T]>;
export interface HandlerContext {
  /** Tab that sent the message, for content scripts. */
  tabId?: number;
  url?: string;
  /** A mailbox content script (its tab may act only on the case it shows), or an extension page. */
  from: 'content' | 'page';
}
export type Handler<T extends MessageType> = (data: PayloadOf<T>, ctx: HandlerContext) => Promise<ReplyOf<T>> | ReplyOf<T>;

let refused = 0;
export const refusedMessageCount = () => refused;

export function handle<T extends MessageType>(type: T, handler: Handler<T>): void {
  const rule = MESSAGE_RULES[type];
  const ownId = browser.runtime.id;
  const ownOrigin = browser.runtime.getURL('/');
  onMessage(type, (async (message: { data: unknown; sender: Runtime.MessageSender }) => {
    const sender = message.sender;
    const url = sender.tab?.url ?? sender.url;
    const facts = { extensionId: sender.id, url, fromTab: !!sender.tab && !!url && !url.startsWith(ownOrigin) };
    if (!senderAllowed(rule.audience, facts, ownId, ownOrigin)) {
      refused += 1;
      return { ok: false, error: `refused ${type}: not sent by a Caseline page or a mailbox tab` };
    }
    const checked = validatePayload(type, message.data);
    if (!checked.ok) {
      refused += 1;
      return { ok: false, error: checked.error };
    }
    try {
      const from = facts.fromTab && isMailOrigin(url) ? 'content' : 'page';
      return await handler(checked.value, { tabId: sender.tab?.id, url, from });
    } catch (error) {
      console.error(`[caseline] ${type} failed`, error);
      return { ok: false, error: `${type} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }) as never);
}
