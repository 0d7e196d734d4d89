/**
 * The shared inbox in a mailbox tab: the team port to the background (which conversation the
 * tab shows, typing in the reply editor, heartbeats, offline), and what comes back (teammates on
 * this conversation, the case's owner and notes, unseen mentions). Kept light, as the guide
 * asks: one `input` listener on the document (a timestamp check first, then whether the target
 * is the reply editor), heartbeats on the sidebar's shared ticker, nothing in any
 * MutationObserver callback. The port closing when the tab goes withdraws its presence.
 */
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { sendMessage } from '@/utils/extension/messenger';
import { TEAM_PORT, type TeamPortMessage, type TeamPortNotice } from '@/utils/messages';
import type { MailboxAdapter } from '@/utils/mailbox/types';
import { PRESENCE_HEARTBEAT_MS, replyWarning, TYPING_REPORT_MS } from '@/utils/shared-inbox/presence';
import { subscribeTicker } from '@/components/sidebar/shared-ticker';
import type { SidebarActions, SidebarState } from '@/components/sidebar/sidebar-state';
import type { Store } from '@/components/sidebar/sidebar-store';
import { guardSends } from './send-guard';

const REOPEN_MS = 1_000;

export interface TeamRuntime {
  /** Before inserting a template: the question to ask while a teammate replies, else null. */
  insertWarning(): string | null;
  /** The agent answered the question about sending. */
  answerSend(go: boolean): void;
}

export function startTeamRuntime(doc: Document, win: Window, adapter: MailboxAdapter, ownHost: Element, store: Store<SidebarState>): TeamRuntime {
  let port: Runtime.Port | undefined;
  let shownCase: string | null = null;
  let lastTyping = 0;
  let replying = false;
  let lastBeat = 0;
  let stopTicker: (() => void) | undefined;

  const post = (message: TeamPortMessage) => {
    try {
      port?.postMessage(message);
    } catch {
      // closed meanwhile: onDisconnect opens it again
    }
  };

  const onNotice = (notice: TeamPortNotice) => {
    const caseId = store.get().view?.caseId ?? null;
    switch (notice.type) {
      case 'presence':
        if (notice.caseId === caseId) store.set({ presence: notice });
        break;
      case 'teamCase':
        if (notice.view.caseId === caseId) store.set({ team: notice.view });
        break;
      case 'mentions':
        store.set({ mentionsUnseen: notice.unseen });
        break;
      case 'overridden':
        if (notice.caseId === caseId) store.set({ notice: notice.text });
        break;
    }
  };

  const open = () => {
    try {
      port = browser.runtime.connect({ name: TEAM_PORT });
    } catch {
      return; // the extension was reloaded: this page's context is gone
    }
    port.onMessage.addListener((m: unknown) => onNotice(m as TeamPortNotice));
    port.onDisconnect.addListener(() => {
      port = undefined;
      setTimeout(open, REOPEN_MS);
    });
    post({ type: 'thread', caseId: shownCase });
    if (!win.navigator.onLine) post({ type: 'offline' });
  };
  open();

  const heartbeat = (now: number) => {
    if (now - lastBeat < PRESENCE_HEARTBEAT_MS) return;
    lastBeat = now;
    // The reply was sent or discarded: the editor is gone (one query every 15 s).
    if (replying && !adapter.findReplyEditor(doc)) {
      replying = false;
      post({ type: 'replyClosed' });
    }
    post({ type: 'heartbeat' });
  };

  const showCase = (caseId: string | null) => {
    if (caseId === shownCase) return;
    shownCase = caseId;
    replying = false;
    store.set({ team: undefined, presence: undefined, confirm: undefined });
    post({ type: 'thread', caseId });
    lastBeat = Date.now();
    if (caseId && !stopTicker) stopTicker = subscribeTicker(heartbeat);
    if (!caseId && stopTicker) {
      stopTicker();
      stopTicker = undefined;
    }
    if (caseId) {
      void sendMessage('teamCase', { caseId }).then(
        (r) => {
          if (r.ok && store.get().view?.caseId === caseId) store.set({ team: r.value });
          else if (!r.ok) store.set({ error: r.error });
        },
        (error: unknown) => console.warn('[caseline] team view not available', error),
      );
    }
  };
  store.subscribe((s) => showCase(s.view?.caseId ?? null));

  // Typing in the reply editor: a timestamp check first; only then is the target looked at.
  doc.addEventListener(
    'input',
    (e) => {
      if (!shownCase) return;
      const now = Date.now();
      if (now - lastTyping < TYPING_REPORT_MS) return;
      const target = e.target as HTMLElement | null;
      if (!target?.isContentEditable || ownHost.contains(target)) return;
      if (!adapter.findReplyEditor(doc)?.contains(target)) return;
      lastTyping = now;
      replying = true;
      post({ type: 'typing' });
    },
    { capture: true, passive: true },
  );

  win.addEventListener('offline', () => post({ type: 'offline' }));
  win.addEventListener('online', () => post({ type: 'online' }));

  const others = () => store.get().presence?.others ?? [];
  const sends = guardSends(
    doc,
    adapter,
    ownHost,
    () => (shownCase ? replyWarning(others(), 'send', Date.now()) : null),
    (text) => store.set({ confirm: { text, action: 'send' } }),
  );

  return {
    insertWarning: () => replyWarning(others(), 'insert', Date.now()),
    answerSend(go) {
      if (go) sends.sendAnyway();
      else sends.drop();
    },
  };
}

/** The sidebar's shared-inbox actions: owners, notes, the queue's scope, opening a mention. */
export function sharedInboxActions(store: Store<SidebarState>, adapter: MailboxAdapter, openThread: (threadId: string) => void) {
  const applyTeam = (r: { ok: true; value: SidebarState['team'] } | { ok: false; error: string }) => {
    if (r.ok) store.set({ team: r.value, busy: false, error: undefined });
    else store.set({ busy: false, error: r.error });
    return r.ok;
  };
  return {
    changeOwner(command: Parameters<SidebarActions['changeOwner']>[0]) {
      const caseId = store.get().view?.caseId;
      if (!caseId) return;
      store.set({ busy: true, error: undefined });
      void sendMessage('ownership', { caseId, command }).then(applyTeam);
    },
    async addNote(text: string) {
      const caseId = store.get().view?.caseId;
      if (!caseId) return false;
      store.set({ busy: true, error: undefined });
      return applyTeam(await sendMessage('addNote', { caseId, text }));
    },
    setQueueScope(scope: SidebarState['queueScope']) {
      store.set({ queueScope: scope });
    },
    openMention(mention: SidebarState['mentions'][number]) {
      if (!mention.threadId || mention.host !== adapter.host) return;
      store.set({ tab: 'case' });
      openThread(mention.threadId);
    },
  };
}
