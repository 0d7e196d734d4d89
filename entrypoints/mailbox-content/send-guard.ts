/**
 * Stops a send, once, when a teammate is writing a reply to the same customer: a click on the
 * host's Send button (mouse or keyboard) or Ctrl/⌘+Enter in the reply editor is held and the
 * sidebar asks first. "Send anyway" presses the same Send button again, let through. Listeners
 * are on the document in the capture phase and do one cheap check (is this the Send button, or
 * Ctrl+Enter in an editable field) before anything else.
 */
import { clickLikeUser } from '../../utils/mailbox/page-root';
import type { MailboxAdapter } from '../../utils/mailbox/types';

export interface SendGuard {
  /** Presses the held Send button again, this time let through. */
  sendAnyway(): void;
  /** Forgets the held send (the agent chose not to send). */
  drop(): void;
  stop(): void;
}

/**
 * `warning()` says whether to hold a send now (a sentence) or not (null); `ask(text)` shows the
 * sidebar's question.
 */
export function guardSends(doc: Document, adapter: Pick<MailboxAdapter, 'sendButtonAt' | 'sendButtonFor' | 'findReplyEditor'>, ownHost: Element, warning: () => string | null, ask: (text: string) => void): SendGuard {
  let held: HTMLElement | null = null;
  let letThrough = false;

  const buttonOf = (e: Event): HTMLElement | null => {
    const target = e.target as Element | null;
    if (!target || typeof target.closest !== 'function' || ownHost.contains(target)) return null;
    if (e.type === 'keydown') {
      const k = e as KeyboardEvent;
      if (k.key === 'Enter' && (k.ctrlKey || k.metaKey) && (target as HTMLElement).isContentEditable) return adapter.sendButtonFor(target);
      if ((k.key === 'Enter' || k.key === ' ') && !k.ctrlKey && !k.metaKey) return adapter.sendButtonAt(target);
      return null;
    }
    return adapter.sendButtonAt(target);
  };

  const onEvent = (e: Event) => {
    if (letThrough) return;
    const button = buttonOf(e);
    if (!button) return;
    const text = warning();
    if (text === null) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (held !== button) {
      held = button;
      ask(text);
    }
  };
  const types = ['mousedown', 'mouseup', 'click', 'keydown'] as const;
  for (const type of types) doc.addEventListener(type, onEvent, true);

  return {
    sendAnyway() {
      const button = held;
      held = null;
      if (!button || !button.isConnected) return;
      letThrough = true;
      try {
        clickLikeUser(button);
      } finally {
        letThrough = false;
      }
    },
    drop() {
      held = null;
    },
    stop() {
      for (const type of types) doc.removeEventListener(type, onEvent, true);
    },
  };
}
