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
import { exportCasesCsv, exportEventsCsv, exportOutcomesCsv } from '@/utils/backup/csv-transfer';
import { SyncService } from '@/utils/extension/sync-service';
import { warmDashboard } from '@/utils/desk/dashboard-view';
import { effectivePolicy } from '@/utils/desk/effective-policy';
import { loadCountryHolidays } from '@/utils/extension/holiday-files';
import { loadClassifierData } from '@/utils/extension/classifier-files';

const RETENTION_ALARM = 'caseline-retention';
const HOLIDAY_COUNTRY_HINT = 'caseline.holidayCountry';

export default defineBackground(() => {
  const newId = monotonicFactory();
  let dbPromise: Promise<CaselineDb> | undefined;
  const db = () => (dbPromise ??= openCaselineDb(indexedDB, 'caseline', { onVersionChange: () => (dbPromise = undefined) }));
  let settingsCache: CaselineSettings | undefined;
  // Every use of the settings (deadlines, dashboard, alarms) finds the team's public holidays
  // loaded: the country's file is fetched once per wake, and again only when the country changes.
  // The country is also remembered outside the database, so a wake fetches its file while the
  // database opens instead of after the settings are read.
  let hintedCountry = browser.storage.local.get(HOLIDAY_COUNTRY_HINT).then(
    (stored) => {
      const country = stored[HOLIDAY_COUNTRY_HINT];
      if (typeof country !== 'string') return undefined;
      loadCountryHolidays(country).catch(() => undefined);
      return country;
    },
    () => undefined,
  );
  const settings = async () => {
    const s = (settingsCache ??= await loadAppSettings(await db(), new Date()));
    const country = s.holidays.country;
    await loadCountryHolidays(country);
    if ((await hintedCountry) !== country) {
      hintedCountry = Promise.resolve(country);
      void browser.storage.local.set({ [HOLIDAY_COUNTRY_HINT]: country }).catch(() => undefined);
    }
    return s;
  };
  // Nearly every wake is for something that reads the database: open it now, while the rest starts.
  db().catch(() => undefined);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let deskInstance: CaseDesk | undefined;
  const desk = async () => (deskInstance ??= new CaseDesk({ db: await db(), settings, now: () => new Date(), newId, timeZone, loadClassifier: loadClassifierData }));
  const sync = new SyncService({ db, settings, newId, onSettingsChanged: (s) => (settingsCache = s) });

  const broadcast = (view: CaseView, exceptTab?: number) => {
    for (const tabId of tabsShowing(view.caseId)) {
      if (tabId === exceptTab) continue;
      sendMessage('caseUpdated', view, tabId).catch(() => forgetTab(tabId));
    }
  };
  const refreshBadge = async () => {
    try {
      await checkDeadlines(await desk(), await settings());
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
  handle('threadList', async ({ host, rows }) => (await desk()).threadList(host, rows));
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
  handle('queue', async () => (await desk()).queue());

  // ── from the extension's own pages ──
  handle('getSettings', async () => ({ ok: true, value: await settings() }));
  handle('saveSettings', async ({ settings: input }) => {
    const r = await saveAppSettings(await db(), input);
    if (!r.ok) return { ok: false, error: `Not saved: ${r.errors.length} field(s) need attention.`, fields: r.errors };
    settingsCache = r.value;
    sync.reset();
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
    return { ok: true, value: kind === 'cases' ? await exportCasesCsv(d) : kind === 'events' ? await exportEventsCsv(d) : await exportOutcomesCsv(d) };
  });
  handle('eraseCustomer', async ({ email }) => {
    const s = await settings();
    try {
      const removed = await eraseCustomer(await db(), email, { agentId: s.agent.id, now: new Date().toISOString(), queueSync: s.sync.enabled });
      deskInstance?.forget();
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
    void refreshBadge();
    return { ok: true, value: null };
  });
  handle('syncConnect', async (input) => sync.connect(input));
  handle('syncStatus', async () => ({ ok: true, value: await sync.status() }));
  handle('syncNow', async () => sync.runNow());
  handle('syncDisconnect', async () => sync.disconnect());
  handle('dashboard', async ({ source, form }) => sync.dashboard(source, form));

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
