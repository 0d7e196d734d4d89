/**
 * What both mailbox content scripts do: mount the one sidebar host, read the page through the
 * host's adapter when the view changes (never in a MutationObserver callback: watchThread defers
 * to idle time), send snapshots to the background and render what it answers. Host knowledge
 * arrives only through the adapter passed in.
 */
import { render } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CaseView } from '@/utils/case-view';
import type { CaseCommand } from '@/utils/cases/lifecycle';
import { sendMessage, onMessage } from '@/utils/extension/messenger';
import { editorBlocksFromTemplate } from '@/utils/insertion/editor-blocks';
import { insertBlocks } from '@/utils/mailbox/insert-text';
import type { MailboxAdapter } from '@/utils/mailbox/types';
import type { ThreadSnapshot } from '@/utils/cases/mail-thread';
import { watchThread } from '@/utils/mailbox/watch-thread';
import { warmDueFormat } from '@/utils/countdown/describe-countdown';
import { businessMinutesBetween } from '@/utils/calendar/business-time';
import type { BusinessCalendar } from '@/utils/calendar/types';
import { mountSidebarHost } from '@/components/sidebar/mount-sidebar-host';
import { Sidebar } from '@/components/sidebar/Sidebar';
import { DEFAULT_WIDTH, type SidebarActions, type SidebarState } from '@/components/sidebar/sidebar-state';
import css from '@/components/sidebar/sidebar.css?inline';
import { t } from '@/components/sidebar/i18n';
import { createStore, useStore, type Store } from '@/components/sidebar/sidebar-store';
import { detectHostTheme } from './detect-host-theme';
import { placeListChips } from '@/components/chips/list-chips';
import { rememberEditorCaret } from './editor-caret';
import { sharedInboxActions, startTeamRuntime, type TeamRuntime } from './team-runtime';

export interface ContentOptions {
  /** Everything the runtime knows of a host: how to read it, where to watch, where chips and text go. */
  adapter: MailboxAdapter;
}

const UI_KEY = 'caseline.sidebar.ui';
const CALENDAR_KEY = 'caseline.sidebar.calendar';
let rememberedCalendar = '';

/** Keeps the policy calendar for the next page load's warm-up (no case data: hours and holidays only). */
function rememberCalendar(cal: BusinessCalendar): void {
  const text = JSON.stringify(cal);
  if (text === rememberedCalendar) return;
  rememberedCalendar = text;
  void browser.storage.local.set({ [CALENDAR_KEY]: cal });
}

function warmCalendar(cal: BusinessCalendar): void {
  try {
    const now = new Date();
    businessMinutesBetween(now, new Date(now.getTime() + 7 * 86_400_000), cal);
  } catch {
    // a calendar the engine refuses is reported when a view uses it
  }
}

export function startMailboxContent({ adapter }: ContentOptions): void {
  const started = performance.now();
  const mounted = mountSidebarHost(document, css, adapter.host);
  if (!mounted.created) return;

  const store = createStore<SidebarState>({
    host: adapter.host,
    view: null,
    threadOpen: false,
    busy: false,
    collapsed: false,
    width: DEFAULT_WIDTH,
    tab: 'case',
    queue: [],
    queueScope: 'everyone',
    atRisk: [],
    mentions: [],
    mentionsUnseen: 0,
    paletteOpen: false,
    theme: detectHostTheme(document),
  });
  const caret = rememberEditorCaret(document, mounted.host);
  const team = startTeamRuntime(document, window, adapter, mounted.host, store);
  const actions = createActions(store, adapter, caret, team);

  render(<SidebarApp store={store} actions={actions} />, mounted.container);
  // Read by `npm run bench`: time from the content script's start (document idle) to the sidebar mounted.
  mounted.host.dataset.mountMs = (performance.now() - started).toFixed(3);

  void browser.storage.local.get(UI_KEY).then((saved) => {
    const ui = saved[UI_KEY] as { collapsed?: boolean; width?: number } | undefined;
    if (ui) store.set({ collapsed: !!ui.collapsed, width: typeof ui.width === 'number' ? ui.width : DEFAULT_WIDTH });
  });

  let lastSnapshotKey = '';
  const refresh = async () => {
    store.set({ theme: detectHostTheme(document) });
    const url = location.href;
    if (!adapter.isThreadView(document, url)) {
      lastSnapshotKey = '';
      store.set({ view: null, threadOpen: false, unreadable: undefined, paletteOpen: false });
      await refreshList();
      return;
    }
    const snapshot = adapter.readThread(document, { url });
    if (!snapshot) {
      const diagnostics = adapter.health(document);
      store.set({ view: null, threadOpen: true, unreadable: diagnostics.ok ? undefined : diagnostics });
      if (!diagnostics.ok) void sendMessage('health', { host: adapter.host, ok: false, missing: diagnostics.missing });
      return;
    }
    store.set({ threadOpen: true, unreadable: undefined });
    const key = snapshotKey(snapshot);
    if (key === lastSnapshotKey) return;
    lastSnapshotKey = key;
    const reply = await sendMessage('snapshot', snapshot);
    performance.mark('caseline:view-received');
    if (reply.ok) {
      store.set({ view: reply.value, error: undefined });
      if (reply.value) rememberCalendar(reply.value.calendar);
    } else store.set({ error: reply.error });
  };

  const refreshList = async () => {
    const rows = adapter.readThreadList(document, { url: location.href });
    if (rows.length === 0) return;
    const reply = await sendMessage('threadList', { host: adapter.host, rows });
    if (reply.ok) placeListChips(document, reply.value, adapter);
  };

  const run = () => {
    refresh().catch((error: unknown) => store.set({ error: String(error instanceof Error ? error.message : error) }));
  };
  watchThread({
    window,
    root: () => adapter.watchRoot(document),
    onChange: run,
    viewKey: () => adapter.viewKey(document, location.href),
  });
  const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  const firstRun = () => {
    // The due-time formatter and the business calendar are slow to build the first time:
    // build them at idle, before the first view (the calendar as the last view in any tab had it).
    warmDueFormat(Intl.DateTimeFormat().resolvedOptions().timeZone);
    run();
    void browser.storage.local.get(CALENDAR_KEY).then((saved) => {
      const cal = saved[CALENDAR_KEY] as BusinessCalendar | undefined;
      if (cal) warmCalendar(cal);
    });
  };
  if (idle) idle(firstRun, { timeout: 500 });
  else setTimeout(firstRun, 0);

  onMessage('caseUpdated', ({ data }) => {
    const current = store.get().view;
    if (current && current.caseId === data.caseId) store.set({ view: data });
    if (store.get().tab === 'queue') void actions.showTab('queue');
  });

  // One shortcut opens the template palette from anywhere in the mailbox.
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyT') {
        if (!store.get().view) return;
        e.preventDefault();
        e.stopPropagation();
        actions.openPalette();
      }
    },
    true,
  );
}

function snapshotKey(s: ThreadSnapshot): string {
  return `${s.host}|${s.threadId}|${s.messages.length}|${s.messages.map((m) => `${m.id ?? ''}:${m.direction}:${m.sentAt ?? ''}`).join(',')}`;
}

function SidebarApp({ store, actions }: { store: Store<SidebarState>; actions: SidebarActions }) {
  const state = useStore(store);
  useLayoutEffect(() => {
    // Read by `npm run bench`: snapshot answer received → sidebar rendered.
    if (!state.view || performance.getEntriesByName('caseline:view-received').length === 0) return;
    const m = performance.measure('caseline:sidebar-ready', 'caseline:view-received');
    performance.clearMarks('caseline:view-received');
    (document.querySelector('caseline-sidebar') as HTMLElement | null)?.setAttribute('data-ready-ms', m.duration.toFixed(3));
  }, [state.view]);
  return <Sidebar state={state} actions={actions} />;
}

function createActions(store: Store<SidebarState>, adapter: ContentOptions['adapter'], caret: ReturnType<typeof rememberEditorCaret>, team: TeamRuntime): SidebarActions & { showTab(tab: SidebarState['tab']): Promise<void> } {
  const caseId = () => store.get().view?.caseId;
  const saveUi = () => {
    const { collapsed, width } = store.get();
    void browser.storage.local.set({ [UI_KEY]: { collapsed, width } });
  };
  const applyView = (reply: { ok: true; value: CaseView } | { ok: false; error: string }, notice?: string) => {
    if (reply.ok) store.set({ view: reply.value, busy: false, error: undefined, notice });
    else store.set({ busy: false, error: reply.error, notice: undefined });
  };
  const command = async (c: CaseCommand, notice?: string) => {
    const id = caseId();
    if (!id) return;
    store.set({ busy: true, error: undefined });
    applyView(await sendMessage('caseCommand', { caseId: id, command: c }), notice);
  };

  const insertTemplate = async (templateId: string, values: Record<string, string> = {}, confirmed = false) => {
    const id = caseId();
    if (!id) return;
    // A teammate is writing a reply to this customer: ask first.
    const warning = confirmed ? null : team.insertWarning();
    if (warning) {
      store.set({ paletteOpen: false, confirm: { text: warning, action: 'insert', templateId, values } });
      return;
    }
    store.set({ busy: true, error: undefined, paletteOpen: false });
    const rendered = await sendMessage('renderTemplate', { caseId: id, templateId, values });
    if (!rendered.ok) {
      store.set({ busy: false, error: rendered.error });
      return;
    }
    if (rendered.value.missing.length > 0) {
      store.set({ busy: false, pendingTemplate: { templateId, templateName: rendered.value.templateName, missing: rendered.value.missing, values } });
      return;
    }
    const editor = await openEditor(adapter);
    if (!editor) {
      store.set({ busy: false, error: t('insert_no_editor', 'Open a reply first: Caseline could not find the reply box.') });
      return;
    }
    const t0 = performance.now();
    caret.restore(editor);
    insertBlocks(editor, editorBlocksFromTemplate(rendered.value.blocks), adapter.editorTail ? { endBefore: adapter.editorTail } : {});
    // Read by `npm run bench`: time to write the template into the editor.
    document.querySelector('caseline-sidebar')?.setAttribute('data-insert-ms', (performance.now() - t0).toFixed(3));
    store.set({ pendingTemplate: undefined });
    await command({ type: 'logTemplate', templateId }, t('insert_done', 'Inserted “$1”.', rendered.value.templateName));
  };

  const openThread = (threadId: string) => {
    const target = adapter.threadUrl(threadId, location.href);
    if (new URL(target).pathname === location.pathname && target.includes('#')) location.hash = new URL(target).hash;
    else location.assign(target);
  };

  return {
    ...sharedInboxActions(store, adapter, openThread),
    confirmWarning: (go) => {
      const asked = store.get().confirm;
      store.set({ confirm: undefined });
      if (!asked) return;
      if (asked.action === 'send') team.answerSend(go);
      else if (go && asked.templateId) void insertTemplate(asked.templateId, asked.values ?? {}, true);
    },
    command: (c) => void command(c),
    overrideCategory: (category) => void command({ type: 'setCategory', category }, t('override_done', 'Category changed. Caseline will learn from it.')),
    insertTemplate: (id, values) => void insertTemplate(id, values),
    cancelTemplate: () => store.set({ pendingTemplate: undefined }),
    openQueueItem: (item) => {
      store.set({ tab: 'case' });
      openThread(item.threadId);
    },
    async showTab(tab) {
      store.set({ tab });
      if (tab === 'queue') {
        const [reply, risky] = await Promise.all([sendMessage('queue', {}), sendMessage('atRisk', {})]);
        if (reply.ok) store.set({ queue: reply.value });
        else store.set({ error: reply.error });
        if (risky.ok) store.set({ atRisk: risky.value });
      } else if (tab === 'mentions') {
        const reply = await sendMessage('mentions', {});
        if (!reply.ok) {
          store.set({ error: reply.error });
          return;
        }
        store.set({ mentions: reply.value });
        const unseen = reply.value.filter((m) => !m.seen).map((m) => m.id);
        if (unseen.length > 0) void sendMessage('mentionsSeen', { ids: unseen });
      }
    },
    setCollapsed: (collapsed) => {
      store.set({ collapsed });
      saveUi();
    },
    setWidth: (width) => {
      store.set({ width });
      saveUi();
    },
    openPalette: () => store.set({ paletteOpen: true }),
    closePalette: () => store.set({ paletteOpen: false }),
    copy: (text, what) => {
      navigator.clipboard.writeText(text).then(
        () => store.set({ notice: t('copied', '$1 copied.', what) }),
        () => store.set({ error: t('copy_failed', 'Copying was not allowed by the browser.') }),
      );
    },
    dismissMessage: () => store.set({ error: undefined, notice: undefined }),
  };
}

/** The open reply editor, or the one that appears after pressing the host's Reply (up to 3 s). */
async function openEditor(adapter: MailboxAdapter): Promise<HTMLElement | null> {
  const found = adapter.findReplyEditor(document) ?? adapter.openReplyEditor(document);
  if (found) return found;
  for (let waited = 0; waited < 3000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    const editor = adapter.findReplyEditor(document);
    if (editor) return editor;
  }
  return null;
}
