/**
 * Onboarding in the real extension: choose a procedure preset, fill in the team, save, and the
 * background returns exactly that preset's policy. axe-core finds no serious or critical problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../../utils/sla/presets';
import type { CaselineSettings } from '../../utils/settings/settings';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { fill, openPage, sendFromPage, seriousAxeViolations } from './support/extension-pages';

describe('onboarding page', () => {
  let eb: ExtensionBrowser;
  beforeAll(async () => {
    eb = await launchWithExtension();
    await eb.serviceWorker();
    await closeInstallTab(eb);
  });
  afterAll(async () => {
    await eb?.close();
  });

  it('stores the chosen preset as the policy, with the team details, only after every field is valid', async () => {
    const page = await openPage(eb, 'onboarding.html');
    await page.waitForSelector('#preset-sop-002');
    await page.click('#preset-sop-002');
    await page.click('[data-testid="onboarding-next"]');
    await page.waitForSelector('#field-policy-calendar-timeZone');
    await page.click('[data-testid="onboarding-next"]');
    await page.waitForSelector('#field-agent-name');

    // Leaving the team step empty is refused, with the message next to the field.
    await page.click('[data-testid="onboarding-next"]');
    await page.waitForSelector('[data-testid="error-summary"]');
    expect(await page.$eval('#field-agent-name', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval('#field-agent-name-error', (el) => el.textContent)).toBe('Enter your name as customers should see it.');
    expect(await page.$eval('#field-agent-name', (el) => el.getAttribute('aria-describedby'))).toContain('field-agent-name-error');

    await fill(page, '#field-agent-name', 'Ana Ruiz');
    await fill(page, '#field-company-name', 'Acme Ltd');
    await fill(page, '#field-agent-prefix', 'ab');
    expect(await page.$eval('[data-testid="reference-preview"]', (el) => el.textContent)).toContain('CMP-AB-0001');
    await page.click('[data-testid="onboarding-next"]');
    await page.waitForSelector('[data-testid="onboarding-save"]');
    await page.click('[data-testid="onboarding-save"]');
    await page.waitForSelector('[data-testid="onboarding-done"]', { timeout: 15_000 });

    const reply = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const preset = presetById('sop-002')!;
    expect(reply.value.onboarded).toBe(true);
    expect(reply.value.presetId).toBe('sop-002');
    expect(reply.value.policy.id).toBe(preset.id);
    expect(reply.value.policy.targets).toEqual(preset.targets);
    expect(reply.value.policy.calendar.week).toEqual(preset.calendar.week);
    expect(reply.value.agent).toMatchObject({ name: 'Ana Ruiz', prefix: 'AB' });
    expect(reply.value.company.name).toBe('Acme Ltd');
    const links = await page.$$eval('[data-testid="onboarding-done"] a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['practice.html', 'options.html']);
    await page.close();
  });

  it('has no serious or critical accessibility violations, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openPage(eb, 'onboarding.html', scheme);
      await page.waitForSelector('#preset-sop-000');
      expect(await seriousAxeViolations(page)).toEqual([]);
      // The editor step: the targets table, business hours and holidays.
      await page.click('[data-testid="onboarding-next"]');
      await page.waitForSelector('#field-policy-calendar-timeZone');
      await page.select('#field-holidays-country', 'ES');
      await page.waitForSelector('[data-testid="public-holidays"]');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.close();
    }
  });
});
