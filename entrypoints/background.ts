/**
 * The background service worker: the one writer of the database. Every message is checked for
 * its sender and validated (utils/extension/message-router) before the desk acts on it; each
 * action is one transaction; every tab showing the case is told of the change.
 */
import { browser } from 'wxt/browser';
import { monotonicFactory } from 'ulid';
import { openCaselineDb } from '@/utils/db/open';
import { LATEST_VERSION } from '@/utils/db/migrations';
import type { CaselineDb } from '@/utils/db/schema';
import { purgeExpired } from '@/utils/db/retention';
import { describeDbError } from '@/utils/db/errors';
import { CaseDesk } from '@/utils/desk/case-desk';
import { parseCaseCommand } from '@/utils/cases/command-schema';
import { loadAppSettings, provideDefaultPreset, saveAppSettings } from '@/utils/desk/app-settings';
import { readDefaultPresetFile } from '@/utils/extension/default-preset-file';
import { approveTemplate, importLibrary, listLibrary, provideDefaultTemplates, retireTemplate, saveDraft } from '@/utils/desk/template-library';
import { readDefaultTemplatesFile } from '@/utils/extension/default-templates-file';
import type { CaseView } from '@/utils/case-view';
import type { CaselineSettings } from '@/utils/settings/settings';
import type { Template } from '@/utils/templates/types';
import { afterChangingMessages, handle, refusedMessageCount, type HandlerContext } from '@/utils/extension/message-router';
import { sendMessage } from '@/utils/extension/messenger';
import { forgetCases, forgetTab, noteTabShowsCase, shownCases, tabShows, tabsShowing } from '@/utils/extension/case-tabs';
import { checkDeadlines, checkDeadlinesFromSchedule, ensureAlarm, forgetBadgeSchedule, scheduleDeadlineChecks, SLA_ALARM } from '@/utils/extension/deadline-alerts';
import { importBackup } from '@/utils/backup/json-backup';
import { SyncService } from '@/utils/extension/sync-service';
import { SharedInboxService } from '@/utils/extension/shared-inbox-service';
import { dataPlaces, eraseCustomerEverywhere, eraseEverywhere } from '@/utils/extension/data-places';
import { MAIL_ORIGINS } from '@/utils/messages';
import { clearParsedBodies } from '@/utils/templates/body-syntax';
import { settingsInForce, teamSettingsFor } from '@/utils/desk/team-publications';
import { loadCountryHolidays, loadHolidayCodes } from '@/utils/extension/holiday-files';
import { loadClassifierData } from '@/utils/extension/classifier-files';
import { STORAGE_KEYS } from '@/utils/extension/storage-keys';

const RETENTION_ALARM = 'caseline-retention';
const HOLIDAY_COUNTRY_HINT = STORAGE_KEYS.holidayCountry.key;

export default defineBackground(() => {
  // The shipped library's text is read from the package when a database is first seeded.
  provideDefaultTemplates(readDefaultTemplatesFile);
  provideDefaultPreset(readDefaultPresetFile);
  const newId = monotonicFactory();
  let dbPromise: Promise<CaselineDb> | undefined;
  // The index of holiday countries is read from the package while the database opens: settings
  // are checked (stored, saved, restored, pulled from the team) and holidays resolved only with
  // the database in hand, so never before the index is there.
  const db = () =>
    (dbPromise ??= Promise.all([openCaselineDb(indexedDB, 'caseline', { onVersionChange: () => (dbPromise = undefined) }), loadHolidayCodes()]).then(([opened]) => opened));
  // The install's own settings (what the options page edits), and those it works by: an agent in
  // a team works by the team's published SLA policy, calendar and holidays (team-publications.ts).
  let settingsCache: CaselineSettings | undefined;
  let inForceCache: Promise<CaselineSettings> | undefined;
  // Every use of the settings (deadlines, dashboard, alarms) finds the public holidays it needs
  // loaded: this install's country, the one it works by and the team's (a lead measures the team
  // by the team's settings). A country's file is fetched once per wake, and again only when the
  // country changes. The working country is also remembered outside the database, so a wake
  // fetches its file while the database opens instead of after the settings are read.
  let hintedCountry = browser.storage.local.get(HOLIDAY_COUNTRY_HINT).then(
    (stored) => {
      const country = stored[HOLIDAY_COUNTRY_HINT];
      if (typeof country !== 'string') return undefined;
      loadCountryHolidays(country).catch(() => undefined);
      return country;
    },
    () => undefined,
  );
  const withHolidays = async (s: CaselineSettings, team?: CaselineSettings) => {
    await Promise.all([s, ...(team ? [team] : [])].map((x) => loadCountryHolidays(x.holidays.country)));
    const country = s.holidays.country;
    if ((await hintedCountry) !== country) {
      hintedCountry = Promise.resolve(country);
      void browser.storage.local.set({ [HOLIDAY_COUNTRY_HINT]: country }).catch(() => undefined);
    }
    return s;
  };
  // One load at a time: on a fresh install two callers at once would each make defaults, each with
  // its own agent id, and the records written meanwhile would name one while the database keeps the other.
  let settingsLoading: Promise<CaselineSettings> | undefined;
  const ownSettings = (): Promise<CaselineSettings> => {
    if (settingsCache) return Promise.resolve(settingsCache);
    const loading = (settingsLoading ??= (async () => loadAppSettings(await db(), new Date()))());
    return loading.then(
      (loaded) => {
        if (settingsLoading === loading) {
          settingsLoading = undefined;
          settingsCache ??= loaded;
        }
        return settingsCache ?? loaded;
      },
      (error: unknown) => {
        if (settingsLoading === loading) settingsLoading = undefined;
        throw error;
      },
    );
  };
  const settings = () =>
    (inForceCache ??= (async () => {
      const d = await db();
      const own = await ownSettings();
      const inForce = await withHolidays(await settingsInForce(d, own), own.role === 'lead' ? await teamSettingsFor(d, own) : undefined);
      await loadCountryHolidays(own.holidays.country);
      return inForce;
    })().catch((error: unknown) => {
      inForceCache = undefined;
      throw error;
    }));
  const forgetSettings = (own?: CaselineSettings) => {
    settingsCache = own;
    settingsLoading = undefined;
    inForceCache = undefined;
    void forgetBadgeSchedule();
  };
  // Nearly every wake is for something that reads the database: open it now, while the rest starts.
  db().catch(() => undefined);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let deskInstance: CaseDesk | undefined;
  const desk = async () => (deskInstance ??= new CaseDesk({ db: await db(), settings, now: () => new Date(), newId, timeZone, loadClassifier: loadClassifierData }));
  // Sync and the shared inbox (owners, notes, presence) call each other, each only once both exist.
  const sync: SyncService = new SyncService({
    db,
    // The sync service works on the install's own settings, once every country it may measure by is loaded.
    settings: async () => {
      await settings();
      return ownSettings();
    },
    newId,
    onSettingsChanged: (s) => {
      forgetSettings(s);
      void inbox.reset();
    },
    // The team's library or settings changed: every tab showing a case gets its view again (new
    // templates in the palette, deadlines under the team's policy).
    onPublicationsChanged: () => {
      inForceCache = undefined;
      void forgetBadgeSchedule();
      void refreshTabs();
    },
    // Pulled owners, notes and presence (a run's or the live feed's) go to the shared inbox.
    sharedInbox: { take: (docs, deletedIds) => inbox.storePulled(docs, deletedIds), beforePull: (client) => inbox.afterRun(client) },
  });
  const inbox: SharedInboxService = new SharedInboxService({ db, settings, newId, timeZone, client: () => sync.signedInClient(), live: () => sync.isLive() });
  inbox.listen();

  const broadcast = (view: CaseView, exceptTab?: number) => {
    for (const tabId of tabsShowing(view.caseId)) {
      if (tabId === exceptTab) continue;
      sendMessage('caseUpdated', view, tabId).catch(() => forgetTab(tabId));
    }
  };
  const refreshTabs = async () => {
    const d = await desk();
    const s = await settings();
    for (const [tabId, caseId] of shownCases()) {
      const view = await d.view(caseId, s).catch(() => undefined);
      if (view?.ok && view.value) sendMessage('caseUpdated', view.value, tabId).catch(() => forgetTab(tabId));
    }
    void refreshBadge();
  };
  const refreshBadge = async () => {
    try {
      await checkDeadlines(await desk(), await settings(), await db());
      await inbox.checkAtRisk();
    } catch (error) {
      console.error('[caseline] deadline check failed', error);
    }
  };

  // A mailbox tab acts only on the case its sidebar shows: a compromised page cannot read or
  // change other cases by naming them. (The extension's own pages may name any case.)
  const notShown = (caseId: string, ctx: HandlerContext) =>
    ctx.from === 'content' && !tabShows(ctx.tabId, caseId)
      ? { ok: false as const, error: 'This tab does not show that case: open its conversation first.', code: 'case-not-shown' as const }
      : undefined;
  const hostOf = (url: string | undefined): 'gmail' | 'outlook' | undefined => (url === undefined ? undefined : new URL(url).hostname === 'mail.google.com' ? 'gmail' : 'outlook');

  handle('ping', () => ({ ok: true, value: { version: browser.runtime.getManifest().version, refusedMessages: refusedMessageCount() } }));

  // ── from the mailbox content scripts ──
  handle('snapshot', async (snapshot, ctx) => {
    const r = await (await desk()).snapshot(snapshot);
    if (ctx.tabId !== undefined) noteTabShowsCase(ctx.tabId, r.ok ? r.value?.caseId : undefined);
    if (r.ok && r.value) broadcast(r.value, ctx.tabId);
    void refreshBadge();
    // A thread read may have recorded events (received, replied): the team sees them soon.
    if (r.ok && r.value) void sync.kick();
    return r;
  });
  handle('threadList', async ({ host, rows }) => {
    const r = await (await desk()).threadList(host, rows);
    if (!r.ok) return r;
    if (r.value.length > 0) void sync.kick();
    return { ok: true, value: await inbox.withOwners(r.value) };
  });
  handle('health', ({ host, missing }) => {
    console.warn(`[caseline] ${host} layout not readable; missing: ${missing.join(', ')}`);
    return { ok: true, value: null };
  });
  handle('caseCommand', async ({ caseId, command }, ctx) => {
    const refused = notShown(caseId, ctx);
    if (refused) return refused;
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
  handle('renderTemplate', async ({ caseId, templateId, values }, ctx) => notShown(caseId, ctx) ?? (await desk()).renderTemplate(caseId, templateId, values));
  handle('templateList', async ({ caseId }, ctx) => (caseId !== undefined ? notShown(caseId, ctx) : undefined) ?? (await desk()).templateList(caseId));
  // A mailbox tab's queue lists its own host's cases (it could not open the others anyway).
  handle('queue', async (_data, ctx) => {
    const r = await (await desk()).queue();
    const host = ctx.from === 'content' ? hostOf(ctx.url) : undefined;
    if (!r.ok) return r;
    return { ok: true, value: await inbox.withOwners(host ? r.value.filter((item) => item.host === host) : r.value) };
  });

  // ── the shared inbox: owners, notes, mentions ──
  const teamChanged = async (caseId: string, exceptTab: number | undefined) => {
    const view = await (await inbox.desk()).caseTeam(caseId);
    if (view.ok) for (const tabId of tabsShowing(caseId)) if (tabId !== exceptTab) inbox.tell(tabId, view.value);
    void sync.kick();
  };
  handle('teamCase', async ({ caseId }, ctx) => notShown(caseId, ctx) ?? (await inbox.desk()).caseTeam(caseId));
  handle('ownership', async ({ caseId, command }, ctx) => {
    const refused = notShown(caseId, ctx);
    if (refused) return refused;
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
    const refused = notShown(caseId, ctx);
    if (refused) return refused;
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
  handle('getSettings', async () => ({ ok: true, value: await ownSettings() }));
  handle('saveSettings', async ({ settings: input }) => {
    const r = await saveAppSettings(await db(), input);
    if (!r.ok) return { ok: false, error: `Not saved: ${r.errors.length} field(s) need attention.`, fields: r.errors };
    forgetSettings(r.value);
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
    const s = await ownSettings();
    const r = await approveTemplate(await db(), id, s.agent.name, new Date().toISOString());
    return r.ok ? { ok: true, value: r.template } : r;
  });
  handle('retireTemplate', async ({ id }) => {
    const t = await retireTemplate(await db(), id, new Date().toISOString());
    return t ? { ok: true, value: t } : { ok: false, error: 'That template does not exist any more.' };
  });
  handle('importTemplates', async ({ json, approve }) => {
    const s = await ownSettings();
    const r = await importLibrary(await db(), json, approve ? { by: s.agent.name, at: new Date().toISOString() } : null);
    return r.ok ? { ok: true, value: { count: r.count } } : r;
  });
  // Pages read the database themselves (exports, the dashboard), once it is open at this version.
  handle('databaseReady', async () => {
    await db();
    return { ok: true, value: { schemaVersion: LATEST_VERSION } };
  });
  handle('importBackup', async ({ json }) => {
    const r = await importBackup(await db(), json);
    if (!r.ok) return { ok: false, error: `Nothing was imported: ${r.errors.slice(0, 10).map((e) => e.message).join(' ')}` };
    forgetSettings();
    deskInstance?.forget();
    return { ok: true, value: { applied: Object.values(r.counts).reduce((a, b) => a + b, 0) } };
  });
  // Every place data is kept (utils/extension/data-places.ts): both erasures walk this one list.
  const places = dataPlaces({
    db,
    forgetMemory: (caseIds) => {
      forgetSettings();
      deskInstance?.forget();
      inbox.forget();
      forgetCases(caseIds);
      if (!caseIds) {
        sync.reset();
        void inbox.reset();
        clearParsedBodies();
      }
    },
    refreshBadge,
    forgetTeamConnection: () => sync.forgetConnection(),
    kickSync: () => sync.kick(),
    tellTabs: async (caseIds) => {
      // Open extension pages (the dashboard) drop what they show and ask again.
      sync.tellErased();
      const tabs = await browser.tabs.query({ url: MAIL_ORIGINS.map((origin) => `${origin}/*`) }).catch(() => []);
      await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : sendMessage('dataErased', caseIds ? { caseIds: [...caseIds] } : {}, tab.id).catch(() => undefined))));
    },
  });
  handle('eraseCustomer', async ({ email }) => {
    const s = await ownSettings();
    // Queued whenever a team server is set, even while sync is paused: it goes on reconnecting.
    const queueSync = s.sync.enabled || s.sync.url !== '';
    try {
      const r = await eraseCustomerEverywhere(places, await db(), email, { agentId: s.agent.id, now: new Date().toISOString(), queueSync });
      return { ok: true, value: { removed: r.removed, teamErasureQueued: queueSync && r.caseIds.length > 0 } };
    } catch (error) {
      return { ok: false, error: describeDbError(error) };
    }
  });
  handle('eraseEverything', async () => {
    try {
      return await eraseEverywhere(places).then((r) => (r.ok ? { ok: true as const, value: null } : r));
    } catch (error) {
      return { ok: false, error: describeDbError(error) };
    }
  });
  handle('syncConnect', async (input) => sync.connect(input));
  handle('syncStatus', async () => ({ ok: true, value: await sync.status() }));
  handle('teamView', async () => sync.teamView());
  handle('publishTemplate', async ({ id }) => sync.publishTemplate(id));
  handle('withdrawTemplate', async ({ id }) => sync.withdrawTemplate(id));
  handle('publishSettings', async () => sync.publishSettings());
  handle('syncNow', async () => sync.runNow());
  handle('syncDisconnect', async () => sync.disconnect());
  // The dashboard page computes its figures from the database it reads; the background says what
  // to measure by.
  handle('dashboardBasis', async ({ source }) => sync.dashboardBasis(source));

  // Every other message may move a deadline: the badge's stored schedule is dropped after it.
  afterChangingMessages(
    ['ping', 'health', 'renderTemplate', 'templateList', 'queue', 'teamCase', 'addNote', 'mentions', 'mentionsSeen', 'atRisk', 'getSettings', 'listTemplates', 'saveTemplate', 'approveTemplate', 'retireTemplate', 'importTemplates', 'databaseReady', 'syncStatus', 'teamView', 'publishTemplate', 'withdrawTemplate', 'dashboardBasis'],
    () => forgetBadgeSchedule(),
  );

  // ── alarms: deadlines, retention, sync retries ──
  browser.alarms.onAlarm.addListener((alarm) => {
    // Most minutes nothing is due that was not due a minute ago: the stored schedule says so without the database.
    // A lead's minute also looks for the team's unowned cases about to breach (pulled, not in the schedule).
    if (alarm.name === SLA_ALARM)
      void checkDeadlinesFromSchedule().then((quick) => (!quick ? refreshBadge() : quick.lead ? inbox.checkAtRisk().catch(() => undefined) : undefined));
    else if (alarm.name === RETENTION_ALARM)
      void (async () => {
        const s = await ownSettings();
        await purgeExpired(await db(), new Date().toISOString(), s.privacy.retentionDays).catch(() => undefined);
        await forgetBadgeSchedule();
      })();
    else void sync.onAlarm(alarm.name);
  });
  // Pages and mailbox tabs that want the team's changes live hold this port open.
  browser.runtime.onConnect.addListener((port) => sync.attach(port));
  void sync.onStartup();
  void scheduleDeadlineChecks();
  // Daily, and only made when missing: a wake must not move it (it would run a minute after every wake).
  void ensureAlarm(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));

  // The toolbar button opens the dashboard (the badge already says what is due).
  browser.action.onClicked.addListener(() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }));

  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });
});
