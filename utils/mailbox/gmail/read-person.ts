/**
 * Who sent a Gmail message or conversation: Gmail puts the address in attributes (`email`, `name`,
 * `data-hovercard-id`), so no word of the interface is read. The sender strategies are shared by the
 * thread reader (message headers) and the list reader (rows).
 */
import { findEmailAddress } from '../email-address';
import { isOwnElement, selfAndBelow } from '../page-root';
import { readLabel } from '../read-message-text';
import type { Party } from '../../cases/mail-thread';
import { gmailSelectors as S } from './selectors';

/** A party from an element carrying the address in attributes; undefined when it names nobody. */
export function personFrom(el: Element | null | undefined): Party | undefined {
  if (!el) return undefined;
  const email = findEmailAddress(el.getAttribute('email')) ?? findEmailAddress(el.getAttribute('data-hovercard-id'));
  const label = readLabel(el);
  // `name` names the person on Gmail's person spans (those with `email`); elsewhere (an avatar image) it is a form name.
  const named = el.hasAttribute('email') ? el.getAttribute('name')?.trim() : undefined;
  const name = named || el.getAttribute('data-name')?.trim() || (label && !label.includes('@') ? label : '');
  if (!email && !name) return undefined;
  const party: Party = {};
  if (name) party.name = name;
  if (email) party.email = email;
  return party;
}

export interface SenderScope {
  /** The message, or the rows of one conversation. */
  scopes: readonly Element[];
  /** Elements never read as the sender (bodies, recipients, snippets). */
  skip: (el: Element) => boolean;
  /** Gmail's class for the sender in this place. */
  classSelector: string;
}

function first(ctx: SenderScope, selector: string): Element | undefined {
  for (const scope of ctx.scopes) {
    // Usually the first match is it: look further only when it is skipped.
    const quick = scope.matches(selector) ? scope : scope.querySelector(selector);
    if (!quick) continue;
    if (!isOwnElement(quick) && !ctx.skip(quick)) return quick;
    for (const el of selfAndBelow(scope, selector)) {
      if (!isOwnElement(el) && !ctx.skip(el)) return el;
    }
  }
  return undefined;
}

/** The sender strategies, by the names in GMAIL_CHAINS.sender / rowSender. */
export const senderStrategies = {
  /** The first element with an `email` attribute (the sender comes before any recipient). */
  'email-attribute': (ctx: SenderScope) => personFrom(first(ctx, S.person)),
  /** An avatar or name whose hovercard attribute holds the address. */
  'hovercard-id': (ctx: SenderScope) => personFrom(first(ctx, S.hovercard)),
  /** Gmail's sender class: the name as shown, an address only when the text is one. */
  'sender-class': (ctx: SenderScope) => {
    const el = first(ctx, ctx.classSelector);
    if (!el) return undefined;
    const text = readLabel(el);
    const email = findEmailAddress(text);
    if (email && text.toLowerCase() === email) return { email };
    return text ? { name: text } : undefined;
  },
} satisfies Record<string, (ctx: SenderScope) => Party | undefined>;
