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
import { openLivePort, type LiveConnection } from '@/utils/extension/live-port';
import { editorBlocksFromTemplate } from '@/utils/insertion/editor-blocks';
import { insertBlocks } from '@/utils/mailbox/insert-text';
import { snapshotGaps } from '@/utils/mailbox/snapshot-gaps';
import type { MailboxAdapter } from '@/utils/mailbox/types';
import type { ThreadSnapshot } from '@/utils/cases/mail-thread';
import { fitListRows, fitSnapshot } from '@/utils/cases/fit-snapshot';
import { watchThread } from '@/utils/mailbox/watch-thread';
import { warmDueFormat } from '@/utils/countdown/describe-countdown';
import { businessMinutesBetween } from '@/utils/calendar/business-time';
import type { BusinessCalendar } from '@/utils/calendar/types';
import { keepSidebarHost, mountSidebarHost } from '@/components/sidebar/mount-sidebar-host';
import { Sidebar } from '@/components/sidebar/Sidebar';
import { DEFAULT_WIDTH, type SidebarActions, type SidebarState } from '@/components/sidebar/sidebar-state';
import css from '@/components/sidebar/sidebar.css?inline';
import { t } from '@/components/sidebar/i18n';
import { createStore, useStore, type Store } from '@/components/sidebar/sidebar-store';
import { detectHostTheme } from './detect-host-theme';
import { placeListChips, removeListChips } from '@/components/chips/list-chips';
import { STORAGE_KEYS } from '@/utils/extension/storage-keys';
import { rememberEditorCaret } from './editor-caret';
import { sharedInboxActions, startTeamRuntime, type TeamRuntime } from './team-runtime';

export interface ContentOptions {
  /** Everything the runtime knows of a host: how to read it, where to watch, where chips and text go. */
  adapter: MailboxAdapter;
}

const UI_KEY = STORAGE_KEYS.sidebarUi.key;
/** The address the layout report shown to copy by hand was made on. */
let reportHref = '';
const CALENDAR_KEY = STORAGE_KEYS.sidebarCalendar.key;
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

/**
 * While the mailbox is in view, keep the live port open: the background then follows the team
 * server and the team's library and settings reach this tab's sidebar within seconds (the views
 * come again through caseUpdated). A hidden tab lets the worker rest; with team sync off the
 * port is closed until the tab is shown again.
 */
function followTeamWhileVisible(): void {
  let live: LiveConnection | undefined;
  const follow = () => {
    if (document.visibilityState === 'visible') {
      live ??= openLivePort((notice) => {
        if (notice.type !== 'syncOff') return;
        live?.close();
        live = undefined;
      });
    } else {
      live?.close();
      live = undefined;
    }
  };
  document.addEventListener('visibilitychange', follow);
  follow();
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
  // The last thread read: sent again when the background asks (it restarted and forgot which case this tab shows).
  let lastSnapshot: ThreadSnapshot | undefined;
  const resendSnapshot = async () => {
    if (lastSnapshot) await sendMessage('snapshot', lastSnapshot);
  };
  const team = startTeamRuntime(document, window, adapter, mounted.host, store);
  const actions = createActions(store, adapter, caret, mounted.host, resendSnapshot, team);

  render(<SidebarApp store={store} actions={actions} host={mounted.host} />, mounted.container);
  // Read by `npm run bench`: time from the content script's start (document idle) to the sidebar mounted.
  mounted.host.dataset.mountMs = (performance.now() - started).toFixed(3);

  void browser.storage.local.get(UI_KEY).then((saved) => {
    const ui = saved[UI_KEY] as { collapsed?: boolean; width?: number } | undefined;
    if (ui) store.set({ collapsed: !!ui.collapsed, width: typeof ui.width === 'number' ? ui.width : DEFAULT_WIDTH });
  });

  let lastSnapshotKey = '';
  const refresh = async () => {
    keepSidebarHost(document, mounted);
    store.set({ theme: detectHostTheme(document) });
    const url = location.href;
    // A report shown to copy by hand belongs to the page it was made on.
    if (store.get().layoutReport !== undefined && url !== reportHref) store.set({ layoutReport: undefined });
    if (!adapter.isThreadView(document, url)) {
      lastSnapshotKey = '';
      lastSnapshot = undefined;
      store.set({ view: null, threadOpen: false, unreadable: undefined, layoutGaps: undefined, layoutReport: undefined, paletteOpen: false });
      await refreshList();
      return;
    }
    const read = adapter.readThread(document, { url });
    // The page decides what is read: fit it within the protocol's limits (a hostile page's 100 KB subject still gets a sidebar).
    const snapshot = read ? fitSnapshot(read) : null;
    if (!snapshot) {
      // Only on this failure path: which fact no strategy found (the sidebar names it).
      const diagnostics = adapter.health(document, { url });
      store.set({ view: null, threadOpen: true, unreadable: diagnostics.ok ? undefined : diagnostics, layoutGaps: undefined });
      if (!diagnostics.ok) void sendMessage('health', { host: adapter.host, ok: false, missing: diagnostics.missing });
      return;
    }
    const gaps = snapshotGaps(snapshot);
    store.set({ threadOpen: true, unreadable: undefined, layoutGaps: gaps.length > 0 ? gaps : undefined });
    const key = snapshotKey(snapshot);
    if (key === lastSnapshotKey) return;
    lastSnapshotKey = key;
    lastSnapshot = snapshot;
    const reply = await sendMessage('snapshot', snapshot);
    performance.mark('caseline:view-received');
    if (reply.ok) {
      store.set({ view: reply.value, error: undefined });
      if (reply.value) rememberCalendar(reply.value.calendar);
    } else store.set({ error: reply.error });
  };

  const refreshList = async () => {
    const rows = fitListRows(adapter.readThreadList(document, { url: location.href }));
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
  // Called as a method of the page's window: a detached call has no `this` in Firefox's content
  // script sandbox ("called on an object that does not implement interface Window").
  const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback?.bind(window);
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

  // Erased in Options (one customer, or everything): drop what this tab shows of it. The open
  // thread is not read again until it changes or another is opened (lastSnapshotKey stays).
  onMessage('dataErased', ({ data }) => {
    const erased = data.caseIds ? new Set(data.caseIds) : undefined;
    const { view, queue } = store.get();
    if (view && (!erased || erased.has(view.caseId))) {
      store.set({ view: null, pendingTemplate: undefined, paletteOpen: false, error: undefined, notice: t('sidebar_erased', 'Erased: Caseline keeps nothing of this conversation until it changes or you open it again.') });
    }
    store.set({ queue: erased ? queue.filter((item) => !erased.has(item.caseId)) : [] });
    removeListChips(document, erased);
  });

  followTeamWhileVisible();

  onMessage('caseUpdated', ({ data }) => {
    const current = store.get().view;
    if (current && current.caseId === data.caseId) store.set({ view: data });
    if (store.get().tab === 'queue') void actions.showTab('queue');
  });

  // One shortcut opens the template palette from anywhere in the mailbox.
  window.addEventListener(
    'keydown',
    (e) => {
      // Only the agent's own key presses: the page can dispatch synthetic ones.
      if (!e.isTrusted) return;
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

function SidebarApp({ store, actions, host }: { store: Store<SidebarState>; actions: SidebarActions; host: HTMLElement }) {
  const state = useStore(store);
  useLayoutEffect(() => {
    // Read by `npm run bench`: snapshot answer received → sidebar rendered.
    if (!state.view || performance.getEntriesByName('caseline:view-received').length === 0) return;
    const m = performance.measure('caseline:sidebar-ready', 'caseline:view-received');
    performance.clearMarks('caseline:view-received');
    host.setAttribute('data-ready-ms', m.duration.toFixed(3));
  }, [state.view]);
  return <Sidebar state={state} actions={actions} />;
}

function createActions(
  store: Store<SidebarState>,
  adapter: ContentOptions['adapter'],
  caret: ReturnType<typeof rememberEditorCaret>,
  host: HTMLElement,
  resendSnapshot: () => Promise<void>,
  team: TeamRuntime,
): SidebarActions & { showTab(tab: SidebarState['tab']): Promise<void> } {
  const caseId = () => store.get().view?.caseId;
  /** Asks about the shown case; if the background no longer knows this tab shows it, tells it again and asks once more. */
  const aboutShownCase = async <R extends { ok: boolean }>(send: () => Promise<R>): Promise<R> => {
    const first = await send();
    if (first.ok || (first as { code?: string }).code !== 'case-not-shown') return first;
    await resendSnapshot();
    return send();
  };
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
    applyView(await aboutShownCase(() => sendMessage('caseCommand', { caseId: id, command: c })), notice);
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
    const rendered = await aboutShownCase(() => sendMessage('renderTemplate', { caseId: id, templateId, values }));
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
    host.setAttribute('data-insert-ms', (performance.now() - t0).toFixed(3));
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
    copyLayoutReport: () => {
      // Built only now, on the user's click: the structure of the page, no mail content.
      const report = adapter.layoutReport(document, { url: location.href, browser: navigator.userAgent });
      const what = t('health_report_name', 'Layout report');
      const shown = () => {
        reportHref = location.href;
        store.set({ layoutReport: report, notice: undefined });
      };
      if (!navigator.clipboard?.writeText) {
        shown();
        return;
      }
      navigator.clipboard.writeText(report).then(() => store.set({ layoutReport: undefined, notice: t('copied', '$1 copied.', what) }), shown);
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
