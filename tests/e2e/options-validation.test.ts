/**
 * The options page refuses wrong settings field by field and saves nothing until all are right;
 * axe-core finds no serious or critical problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaselineSettings } from '../../utils/settings/settings';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { fill, openPage, sendFromPage, seriousAxeViolations } from './support/extension-pages';

const PREFIX = '#field-agent-prefix';
const AMOUNT = '#field-policy-targets-complaint-resolve-amount';
const ZONE = '#field-policy-calendar-timeZone';

describe('options page validation', () => {
  let eb: ExtensionBrowser;
  beforeAll(async () => {
    eb = await launchWithExtension();
    await eb.serviceWorker();
    await closeInstallTab(eb);
  });
  afterAll(async () => {
    await eb?.close();
  });

  it('shows each field’s message, saves nothing while any is wrong, then saves the whole once fixed', async () => {
    const page = await openPage(eb, 'options.html');
    await page.waitForSelector('[data-testid="save-settings"]');
    const before = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
    expect(before.ok).toBe(true);

    await fill(page, PREFIX, 'x');
    await fill(page, AMOUNT, '0');
    // A zone this browser does not know (as if typed elsewhere): add it to the list and pick it.
    await page.$eval(ZONE, (el) => {
      const option = document.createElement('option');
      option.value = 'Mars/Olympus_Mons';
      option.textContent = 'Mars/Olympus Mons';
      el.append(option);
    });
    await page.select(ZONE, 'Mars/Olympus_Mons');
    await page.click('[data-testid="save-settings"]');

    await page.waitForSelector('[data-testid="error-summary"]');
    const summary = await page.$eval('[data-testid="error-summary"]', (el) => el.textContent ?? '');
    expect(summary).toContain('The team prefix must be 2 to 4 capital letters or digits, such as AB or EU1.');
    expect(summary).toContain('Complaints, resolve: the amount must be greater than 0.');
    expect(summary).toContain('The time zone "Mars/Olympus_Mons" is not known: choose one from the list.');
    // The summary takes focus so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');

    for (const [selector, message] of [
      [PREFIX, 'The team prefix must be 2 to 4 capital letters or digits, such as AB or EU1.'],
      [AMOUNT, 'Complaints, resolve: the amount must be greater than 0.'],
      [ZONE, 'The time zone "Mars/Olympus_Mons" is not known: choose one from the list.'],
    ] as const) {
      expect(await page.$eval(selector, (el) => el.getAttribute('aria-invalid'))).toBe('true');
      expect(await page.$eval(`${selector}-error`, (el) => el.textContent)).toBe(message);
      expect(await page.$eval(selector, (el) => el.getAttribute('aria-describedby'))).toContain(`${selector.slice(1)}-error`);
    }

    // Following a summary link moves focus to its field.
    await page.click('[data-testid="error-summary"] li:first-child a');
    const focused = await page.evaluate(() => document.activeElement?.id);
    expect(['field-agent-prefix', 'field-policy-targets-complaint-resolve-amount', 'field-policy-calendar-timeZone']).toContain(focused);

    const during = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
    expect(during).toEqual(before);

    // Fixed: one save stores everything.
    await fill(page, PREFIX, 'eu1');
    await fill(page, AMOUNT, '7');
    await page.select(ZONE, 'Europe/Madrid');
    await page.click('[data-testid="save-settings"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Settings saved.', { timeout: 15_000 });
    expect(await page.$('[data-testid="error-summary"]')).toBeNull();
    const after = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
    expect(after.ok).toBe(true);
    if (after.ok) {
      expect(after.value.agent.prefix).toBe('EU1');
      expect(after.value.policy.targets.complaint.resolve?.amount).toBe(7);
      expect(after.value.policy.calendar.timeZone).toBe('Europe/Madrid');
    }
    await page.close();
  });

  it('refuses a sync address that is neither https nor loopback before asking for any permission', async () => {
    const page = await openPage(eb, 'options.html#sync');
    await page.waitForSelector('#field-sync-url');
    await fill(page, '#field-sync-url', 'http://couch.example.org');
    await fill(page, '#field-sync-user', 'ana');
    await fill(page, '#field-sync-password', 'secret');
    await page.click('#sync button[type="submit"]');
    await page.waitForSelector('#field-sync-url-error');
    expect(await page.$eval('#field-sync-url-error', (el) => el.textContent)).toMatch(/must start with https:\/\//);
    await page.close();
  });

  it('checks a template draft before saving it, then approves it in the agent’s name', async () => {
    const page = await openPage(eb, 'options.html#templates');
    await page.waitForSelector('[data-testid="templates-table"]');
    const settings = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
    expect(settings.ok).toBe(true);
    if (!settings.ok) return;

    await page.click('[data-testid="new-template"]');
    await page.waitForSelector('#field-template-name');
    await fill(page, '#field-template-name', 'Closed on Monday');
    await fill(page, '#field-template-body', 'Hello {{customer.nickname}}, we are closed on Monday.');
    await page.click('form[aria-labelledby="template-form-title"] button[type="submit"]');
    await page.waitForSelector('#field-template-body-error');
    expect(await page.$eval('#field-template-body-error', (el) => el.textContent)).toContain('Unknown variable {{customer.nickname}}');
    expect(await page.$eval('#field-template-body', (el) => el.getAttribute('aria-invalid'))).toBe('true');

    await fill(page, '#field-template-body', 'Hello {{customer.firstName}}, we are closed on Monday.');
    await page.click('form[aria-labelledby="template-form-title"] button[type="submit"]');
    await page.waitForSelector('button[aria-label="Approve Closed on Monday"]');
    await page.click('button[aria-label="Approve Closed on Monday"]');
    await page.waitForFunction(() => /approved by/.test(document.querySelector('#templates .status.ok')?.textContent ?? ''));

    const list = await sendFromPage<Array<{ name: string; status: string; approvedBy?: string; approvedAt?: string }>>(page, 'listTemplates', {});
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const mine = list.value.filter((t) => t.name === 'Closed on Monday');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'approved', approvedBy: settings.value.agent.name });
    expect(Number.isNaN(Date.parse(mine[0]!.approvedAt ?? ''))).toBe(false);
    await page.close();
  });

  it('has no serious or critical accessibility violations, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openPage(eb, 'options.html', scheme);
      await page.waitForSelector('[data-testid="save-settings"]');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.close();
    }
  });
});
