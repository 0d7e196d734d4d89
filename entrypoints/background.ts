/**
 * The background service worker: the one writer of the database. Every message is checked for
 * its sender and validated (utils/extension/message-router) before the desk acts on it; each
 * action is one transaction; every tab showing the case is told of the change.
 */
import { browser } from 'wxt/browser';
import { monotonicFactory } from 'ulid';
import { openCaselineDb } from '@/utils/db/open';
import type { CaselineDb } from '@/utils/db/schema';
import { eraseCustomer, eraseEverything, purgeExpired } from '@/utils/db/retention';
import { describeDbError } from '@/utils/db/errors';
import { CaseDesk } from '@/utils/desk/case-desk';
import { parseCaseCommand } from '@/utils/cases/command-schema';
import { loadAppSettings, saveAppSettings } from '@/utils/desk/app-settings';
import { approveTemplate, importLibrary, listLibrary, retireTemplate, saveDraft } from '@/utils/desk/template-library';
import type { CaseView } from '@/utils/case-view';
import type { CaselineSettings } from '@/utils/settings/settings';
import type { Template } from '@/utils/templates/types';
import { handle, refusedMessageCount } from '@/utils/extension/message-router';
import { sendMessage } from '@/utils/extension/messenger';
import { forgetTab, noteTabShowsCase, tabsShowing } from '@/utils/extension/case-tabs';
import { checkDeadlines, scheduleDeadlineChecks, SLA_ALARM } from '@/utils/extension/deadline-alerts';
import { exportBackup, importBackup } from '@/utils/backup/json-backup';
import { exportCasesCsv, exportEventsCsv, exportNotesCsv, exportOutcomesCsv } from '@/utils/backup/csv-transfer';
import { SyncService } from '@/utils/extension/sync-service';
import { SharedInboxService } from '@/utils/extension/shared-inbox-service';
import { warmDashboard } from '@/utils/desk/dashboard-view';
import { effectivePolicy } from '@/utils/desk/effective-policy';

const RETENTION_ALARM = 'caseline-retention';

export default defineBackground(() => {
  const newId = monotonicFactory();
  let dbPromise: Promise<CaselineDb> | undefined;
  const db = () => (dbPromise ??= openCaselineDb(indexedDB, 'caseline', { onVersionChange: () => (dbPromise = undefined) }));
  let settingsCache: CaselineSettings | undefined;
  const settings = async () => (settingsCache ??= await loadAppSettings(await db(), new Date()));
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let deskInstance: CaseDesk | undefined;
  const desk = async () => (deskInstance ??= new CaseDesk({ db: await db(), settings, now: () => new Date(), newId, timeZone }));
  // Sync and the shared inbox (owners, notes, presence) call each other, each only once both exist.
  const sync: SyncService = new SyncService({
    db,
    settings,
    newId,
    onSettingsChanged: (s) => {
      settingsCache = s;
      void inbox.reset();
    },
    sharedInbox: { storePulled: (docs) => inbox.storePulled(docs), afterRun: (client) => inbox.afterRun(client) },
  });
  const inbox: SharedInboxService = new SharedInboxService({ db, settings, newId, timeZone, client: () => sync.signedInClient(), pullNow: () => sync.runNow() });
  inbox.listen();

  const broadcast = (view: CaseView, exceptTab?: number) => {
    for (const tabId of tabsShowing(view.caseId)) {
      if (tabId === exceptTab) continue;
      sendMessage('caseUpdated', view, tabId).catch(() => forgetTab(tabId));
    }
  };
  const refreshBadge = async () => {
    try {
      await checkDeadlines(await desk(), await settings());
      await inbox.checkAtRisk();
    } catch (error) {
      console.error('[caseline] deadline check failed', error);
    }
  };

  handle('ping', () => ({ ok: true, value: { version: browser.runtime.getManifest().version, refusedMessages: refusedMessageCount() } }));

  // ── from the mailbox content scripts ──
  handle('snapshot', async (snapshot, ctx) => {
    const r = await (await desk()).snapshot(snapshot);
    if (ctx.tabId !== undefined) noteTabShowsCase(ctx.tabId, r.ok ? r.value?.caseId : undefined);
    if (r.ok && r.value) broadcast(r.value, ctx.tabId);
    void refreshBadge();
    return r;
  });
  handle('threadList', async ({ host, rows }) => {
    const r = await (await desk()).threadList(host, rows);
    return r.ok ? { ok: true, value: await inbox.withOwners(r.value) } : r;
  });
  handle('health', ({ host, missing }) => {
    console.warn(`[caseline] ${host} layout not readable; missing: ${missing.join(', ')}`);
    return { ok: true, value: null };
  });
  handle('caseCommand', async ({ caseId, command }, ctx) => {
    const parsed = parseCaseCommand(command);
    if (!parsed.ok) return parsed;
    const r = await (await desk()).command(caseId, parsed.command);
    if (r.ok) {
      broadcast(r.value, ctx.tabId);
      void refreshBadge();
      void sync.kick();
    }
    return r;
  });
  handle('renderTemplate', async ({ caseId, templateId, values }) => (await desk()).renderTemplate(caseId, templateId, values));
  handle('templateList', async ({ caseId }) => (await desk()).templateList(caseId));
  handle('queue', async () => {
    const r = await (await desk()).queue();
    return r.ok ? { ok: true, value: await inbox.withOwners(r.value) } : r;
  });

  // ── the shared inbox: owners, notes, mentions ──
  const teamChanged = async (caseId: string, exceptTab: number | undefined) => {
    const view = await (await inbox.desk()).caseTeam(caseId);
    if (view.ok) for (const tabId of tabsShowing(caseId)) if (tabId !== exceptTab) inbox.tell(tabId, view.value);
    void sync.kick();
  };
  handle('teamCase', async ({ caseId }) => (await inbox.desk()).caseTeam(caseId));
  handle('ownership', async ({ caseId, command }, ctx) => {
    const r = await (await inbox.desk()).changeOwner(caseId, command);
    if (r.ok) {
      void teamChanged(caseId, ctx.tabId);
      // The change is a case event: every tab's case view (its history) shows it.
      const view = await (await desk()).view(caseId, await settings());
      if (view.ok && view.value) broadcast(view.value);
      void refreshBadge();
    }
    return r;
  });
  handle('addNote', async ({ caseId, text }, ctx) => {
    const r = await (await inbox.desk()).addNote(caseId, text);
    if (r.ok) void teamChanged(caseId, ctx.tabId);
    return r;
  });
  handle('mentions', async () => (await inbox.desk()).mentions());
  handle('mentionsSeen', async ({ ids }) => {
    await (await inbox.desk()).markMentionsSeen(ids);
    void inbox.tellAllMentions();
    return { ok: true, value: null };
  });
  handle('atRisk', async () => {
    const s = await settings();
    if (s.role !== 'lead') return { ok: true, value: [] };
    return { ok: true, value: await (await inbox.desk()).atRisk(s.notifications.leadMinutes) };
  });

  // ── from the extension's own pages ──
  handle('getSettings', async () => ({ ok: true, value: await settings() }));
  handle('saveSettings', async ({ settings: input }) => {
    const r = await saveAppSettings(await db(), input);
    if (!r.ok) return { ok: false, error: `Not saved: ${r.errors.length} field(s) need attention.`, fields: r.errors };
    settingsCache = r.value;
    sync.reset();
    void inbox.reset();
    void refreshBadge();
    return { ok: true, value: r.value };
  });
  handle('listTemplates', async () => ({ ok: true, value: await listLibrary(await db()) }));
  handle('saveTemplate', async ({ template }) => {
    try {
      return { ok: true, value: await saveDraft(await db(), template as Template, new Date().toISOString()) };
    } catch (error) {
      return { ok: false, error: describeDbError(error) };
    }
  });
  handle('approveTemplate', async ({ id }) => {
    const s = await settings();
    const r = await approveTemplate(await db(), id, s.agent.name, new Date().toISOString());
    return r.ok ? { ok: true, value: r.template } : r;
  });
  handle('retireTemplate', async ({ id }) => {
    const t = await retireTemplate(await db(), id, new Date().toISOString());
    return t ? { ok: true, value: t } : { ok: false, error: 'That template does not exist any more.' };
  });
  handle('importTemplates', async ({ json, approve }) => {
    const s = await settings();
    const r = await importLibrary(await db(), json, approve ? { by: s.agent.name, at: new Date().toISOString() } : null);
    return r.ok ? { ok: true, value: { count: r.count } } : r;
  });
  handle('exportBackup', async () => ({ ok: true, value: JSON.stringify(await exportBackup(await db())) }));
  handle('importBackup', async ({ json }) => {
    const r = await importBackup(await db(), json);
    if (!r.ok) return { ok: false, error: `Nothing was imported: ${r.errors.slice(0, 10).map((e) => e.message).join(' ')}` };
    settingsCache = undefined;
    deskInstance?.forget();
    // The restored cases' SLA states, evaluated once now rather than on the dashboard's first open.
    await warmDashboard(await db(), effectivePolicy(await settings(), new Date()), 'local').catch(() => undefined);
    return { ok: true, value: { applied: Object.values(r.counts).reduce((a, b) => a + b, 0) } };
  });
  handle('exportCsv', async ({ kind }) => {
    const d = await db();
    const csv = { cases: exportCasesCsv, events: exportEventsCsv, outcomes: exportOutcomesCsv, notes: exportNotesCsv }[kind];
    return { ok: true, value: await csv(d) };
  });
  handle('eraseCustomer', async ({ email }) => {
    const s = await settings();
    try {
      const removed = await eraseCustomer(await db(), email, { agentId: s.agent.id, now: new Date().toISOString(), queueSync: s.sync.enabled });
      deskInstance?.forget();
      inbox.forget();
      void refreshBadge();
      void sync.kick();
      return { ok: true, value: { removed: removed.cases } };
    } catch (error) {
      return { ok: false, error: describeDbError(error) };
    }
  });
  handle('eraseEverything', async () => {
    await eraseEverything(await db());
    settingsCache = undefined;
    deskInstance?.forget();
    inbox.forget();
    void inbox.reset();
    void refreshBadge();
    return { ok: true, value: null };
  });
  handle('syncConnect', async (input) => sync.connect(input));
  handle('syncStatus', async () => ({ ok: true, value: await sync.status() }));
  handle('syncNow', async () => sync.runNow());
  handle('syncDisconnect', async () => sync.disconnect());
  handle('dashboard', async ({ source, form }) => {
    const r = await sync.dashboard(source, form);
    if (!r.ok) return r;
    // The shared inbox's figures over the same range and agents.
    const range = r.value.figures.range;
    const owners = await (await inbox.desk()).figures(source, { ...(range.from ? { from: Date.parse(range.from) } : {}), to: Date.parse(range.to) }, form.agents);
    return { ok: true, value: { ...r.value, ownership: owners.figures, ownerNames: owners.names } };
  });

  // ── alarms: deadlines, retention, sync retries ──
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SLA_ALARM) void refreshBadge();
    else if (alarm.name === RETENTION_ALARM)
      void (async () => {
        const s = await settings();
        await purgeExpired(await db(), new Date().toISOString(), s.privacy.retentionDays).catch(() => undefined);
      })();
    else void sync.onAlarm(alarm.name);
  });
  scheduleDeadlineChecks();
  void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));

  // The toolbar button opens the dashboard (the badge already says what is due).
  browser.action.onClicked.addListener(() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }));

  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });
});
