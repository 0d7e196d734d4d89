/**
 * The team's public holidays are loaded on demand (one country's file, see
 * utils/calendar/holidays.ts): the first message a stopped background answers must already count
 * them. A support request received on New Year's Eve in England and acknowledged gets the answer
 * deadline the pure engine computes with the English bank holidays (New Year's Day, or its
 * substitute), not the one it would have without them.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../utils/cases/events';
import type { QueueItem } from '../../utils/case-view';
import { LATEST_VERSION } from '../../utils/db/migrations';
import { effectivePolicy } from '../../utils/desk/effective-policy';
import type { CaselineSettings } from '../../utils/settings/settings';
import { evaluate, nextDeadline } from '../../utils/sla/evaluate';
import { sendFromPage } from './support/extension-pages';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { controlServiceWorker, type ServiceWorkerControl } from './support/service-worker-control';

const year = new Date().getUTCFullYear();
const received = `${year - 1}-12-31T15:00:00.000Z`;
const acknowledged = `${year - 1}-12-31T16:00:00.000Z`;
const caseId = 'gmail:new-years-eve';
const events: CaseEvent[] = [
  { id: '01HOLIDAY0000000000000001', caseId, type: 'received', at: received, actor: 'customer', source: 'auto', data: {} } as CaseEvent,
  { id: '01HOLIDAY0000000000000002', caseId, type: 'category_set', at: received, actor: 'system', source: 'auto', data: { category: 'support', by: 'classifier', confidence: 0.9 } } as CaseEvent,
  { id: '01HOLIDAY0000000000000003', caseId, type: 'acknowledged', at: acknowledged, actor: 'agent-e2e', source: 'agent', data: {} } as CaseEvent,
];
const backup = JSON.stringify({
  format: 'caseline-backup',
  version: 1,
  schemaVersion: LATEST_VERSION,
  exportedAt: new Date().toISOString(),
  stores: { cases: [{ caseId, host: 'gmail', threadId: 'new-years-eve', subject: 'Printer offline', category: 'support', stage: 'acknowledged', agentId: 'agent-e2e', createdAt: received, updatedAt: acknowledged, open: 1 }], events },
});

describe('public holidays after the background was stopped', () => {
  let eb: ExtensionBrowser;
  let page: Page;
  let worker: ServiceWorkerControl;
  let settings: CaselineSettings;

  beforeAll(async () => {
    eb = await launchWithExtension();
    // Not eb.serviceWorker(): a worker puppeteer holds never runs again once stopped.
    await eb.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(eb.extensionUrl('')), { timeout: 30_000 });
    await closeInstallTab(eb);
    page = await eb.browser.newPage();
    await page.goto(eb.extensionUrl('dashboard.html'));
    const loaded = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
    if (!loaded.ok) throw new Error(loaded.error);
    const wanted: CaselineSettings = {
      ...loaded.value,
      onboarded: true,
      agent: { ...loaded.value.agent, name: 'Ellis', prefix: 'EN' },
      company: { name: 'Example Ltd' },
      policy: { ...loaded.value.policy, calendar: { ...loaded.value.policy.calendar, timeZone: 'Europe/London' } },
      holidays: { country: 'GB', region: 'ENG', extra: [] },
    };
    const saved = await sendFromPage<CaselineSettings>(page, 'saveSettings', { settings: wanted });
    if (!saved.ok) throw new Error(saved.error);
    settings = saved.value;
    const imported = await sendFromPage(page, 'importBackup', { json: backup });
    if (!imported.ok) throw new Error(imported.error);
    worker = await controlServiceWorker(page, eb.extensionId);
  });

  afterAll(async () => {
    await worker?.close();
    await eb?.close();
  });

  it('answers its first message with deadlines that skip the bank holidays', async () => {
    const now = new Date();
    const withHolidays = nextDeadline(evaluate(events, effectivePolicy(settings, now), now))?.dueAt;
    const plainPolicy = effectivePolicy({ ...settings, holidays: { country: '', region: '', extra: [] } }, now);
    const withoutHolidays = nextDeadline(evaluate(events, plainPolicy, now))?.dueAt;
    expect(withHolidays).toBeDefined();
    expect(withHolidays).not.toBe(withoutHolidays);

    for (let round = 0; round < 2; round++) {
      await worker.stop();
      expect(worker.status()).toBe('stopped');
      const queue = await sendFromPage<QueueItem[]>(page, 'queue', {});
      if (!queue.ok) throw new Error(queue.error);
      expect(queue.value.find((item) => item.caseId === caseId)?.nextDueAt).toBe(withHolidays);
    }
  });
});
