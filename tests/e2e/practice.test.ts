/**
 * The practice page in the real extension: a run answered right everywhere scores 100 % and
 * grade 'ready'; a wrong answer gets feedback that names the procedure; axe-core finds no serious
 * or critical problem, on a thread, with feedback shown, and on the summary.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../utils/cases/events';
import { SAMPLE_THREADS } from '../../utils/practice/sample-threads';
import type { PracticeThread } from '../../utils/practice/types';
import { DEFAULT_TEMPLATES } from '../../utils/templates/library';
import { launchWithExtension, type ExtensionBrowser } from './support/launch-browser';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TOTAL = SAMPLE_THREADS.length;

interface Choice {
  category: Category;
  escalate: boolean;
  stage: string;
}

const rightChoice = (t: PracticeThread): Choice => ({ category: t.expected.category, escalate: t.expected.escalate, stage: t.expected.bestTemplateStage });

/** An approved English template of the stage: the option the trainee would pick. */
function templateIdOf(stage: string): string {
  const template = DEFAULT_TEMPLATES.find((t) => t.language === 'en' && t.status === 'approved' && t.stage === stage);
  if (!template) throw new Error(`no English template for stage ${stage}`);
  return template.id;
}

async function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
}

async function openPractice(eb: ExtensionBrowser): Promise<Page> {
  const page = await eb.browser.newPage();
  await page.goto(eb.extensionUrl('practice.html'));
  await page.waitForSelector('[data-testid="thread-subject"]', { timeout: 20_000 });
  // Start from a fresh run whatever this tab kept.
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.waitForSelector('[data-testid="thread-subject"]', { timeout: 20_000 });
  // The onboarding tab the extension opens on install can come to the front, and clicks in a
  // hidden tab never land: keep this one visible.
  await page.bringToFront();
  return page;
}

/** Answers the thread on screen (after checking it is `thread`) and waits for the feedback. */
async function answer(page: Page, thread: PracticeThread, choice: Choice, index: number): Promise<void> {
  await page.waitForFunction((id) => document.querySelector('[data-testid="practice-thread"]')?.getAttribute('data-thread-id') === id, { polling: 50 }, thread.id);
  expect(await textOf(page, '[data-testid="thread-subject"]')).toBe(thread.subject);
  expect(await textOf(page, '[data-testid="practice-progress"]')).toContain(`${index + 1} / ${TOTAL}`);
  await page.click(`[data-testid="category-${choice.category}"]`);
  await page.click(`[data-testid="escalate-${choice.escalate ? 'yes' : 'no'}"]`);
  await page.select('[data-testid="template-select"]', templateIdOf(choice.stage));
  await page.waitForSelector('[data-testid="template-preview"]');
  await page.click('[data-testid="submit-answer"]');
  await page.waitForSelector('[data-testid="feedback"]');
}

async function seriousAxeViolations(page: Page): Promise<Array<{ id: string; impact: string; help: string; nodes: string[] }>> {
  const loaded = () => page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!(await loaded())) await page.addScriptTag({ path: AXE_PATH }).catch(() => undefined);
  // The extension page's CSP refuses inline scripts: when the tag did not run, evaluate axe's source (DevTools evaluation is not bound by CSP).
  if (!(await loaded())) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  expect(await loaded()).toBe(true);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
}

describe('practice page', () => {
  let eb: ExtensionBrowser;
  beforeAll(async () => {
    eb = await launchWithExtension();
    await eb.serviceWorker();
  });
  afterAll(async () => {
    await eb?.close();
  });

  it('scores a run answered right everywhere as 100 % and ready, with the procedure named at the top', async () => {
    const page = await openPractice(eb);
    const procedure = await textOf(page, '[data-testid="practice-procedure"]');
    expect(procedure.length).toBeGreaterThan(0);
    expect(procedure).not.toBe('loading…');
    for (const [index, thread] of SAMPLE_THREADS.entries()) {
      await answer(page, thread, rightChoice(thread), index);
      for (const check of ['category', 'escalate', 'template']) {
        expect(await page.$eval(`[data-testid="check-${check}"]`, (el) => el.getAttribute('data-ok'))).toBe('true');
      }
      expect(await textOf(page, '[data-testid="teaching-note"]')).toBe(thread.teachingNote.replace(/\s+/g, ' ').trim());
      await page.click('[data-testid="next-thread"]');
    }
    await page.waitForSelector('[data-testid="run-summary"]');
    expect(await textOf(page, '[data-testid="run-percent"]')).toBe('100%');
    expect(await textOf(page, '[data-testid="run-grade"]')).toBe('ready');
    expect(await textOf(page, '[data-testid="run-points"]')).toBe(`${3 * TOTAL} of ${3 * TOTAL} points`);
    expect(await textOf(page, '[data-testid="run-missed-escalations"]')).toBe('No missed escalations.');
    // Focus went to the summary heading, so a keyboard user lands on the result.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('summary-title');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.click('[data-testid="try-again"]');
    await page.waitForSelector('[data-testid="thread-subject"]');
    expect(await textOf(page, '[data-testid="practice-progress"]')).toContain(`1 / ${TOTAL}`);
    await page.close();
  });

  it('tells a wrong answer what was expected, citing the procedure, and counts a missed escalation', async () => {
    const page = await openPractice(eb);
    const procedure = await textOf(page, '[data-testid="practice-procedure"]');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Submitting with nothing chosen names what is missing, and nothing is scored.
    await page.click('[data-testid="submit-answer"]');
    await page.waitForSelector('[data-testid="answer-errors"]');
    expect(await textOf(page, '[data-testid="answer-errors"]')).toContain('Choose the category.');
    expect(await page.$('[data-testid="feedback"]')).toBeNull();

    const first = SAMPLE_THREADS[0] as PracticeThread;
    const wrongCategory: Category = first.expected.category === 'inquiry' ? 'support' : 'inquiry';
    await answer(page, first, { ...rightChoice(first), category: wrongCategory }, 0);
    expect(await page.$eval('[data-testid="check-category"]', (el) => el.getAttribute('data-ok'))).toBe('false');
    expect(await page.$eval('[data-testid="check-escalate"]', (el) => el.getAttribute('data-ok'))).toBe('true');
    const feedback = await textOf(page, '[data-testid="feedback"]');
    expect(feedback).toContain('Feedback: 2 of 3 right');
    expect(feedback).toMatch(/procedure \d{3}/);
    expect(feedback).toContain(`Measured against “${procedure}”`);
    expect(await textOf(page, '[data-testid="practice-announcement"]')).toContain('2 of 3 right');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback-title');
    // The answer is locked once submitted.
    expect(await page.$eval('[data-testid="category-inquiry"]', (el) => (el as HTMLInputElement).matches(':disabled'))).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The same in the dark scheme.
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await page.$eval('body', (el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(255, 255, 255)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.click('[data-testid="next-thread"]');

    // The escalation thread answered without escalating: a missed escalation.
    const mustEscalate = SAMPLE_THREADS[1] as PracticeThread;
    expect(mustEscalate.expected.escalate).toBe(true);
    await answer(page, mustEscalate, { ...rightChoice(mustEscalate), escalate: false }, 1);
    expect(await page.$eval('[data-testid="check-escalate"]', (el) => el.getAttribute('data-ok'))).toBe('false');
    expect(await textOf(page, '[data-testid="feedback-sentences"]')).toContain('must be escalated');
    await page.click('[data-testid="next-thread"]');
    await page.waitForSelector('[data-testid="finish-now"]');
    await page.click('[data-testid="finish-now"]');
    await page.waitForSelector('[data-testid="run-summary"]');
    expect(await textOf(page, '[data-testid="run-points"]')).toBe('4 of 6 points');
    expect(await textOf(page, '[data-testid="run-grade"]')).toBe('ready with support');
    expect(await textOf(page, '[data-testid="run-missed-escalations"]')).toMatch(/^1 thread that had to be escalated was not/);
    await page.close();
  });

  it('works with the keyboard alone', async () => {
    const page = await openPractice(eb);
    const thread = SAMPLE_THREADS[0] as PracticeThread;
    const choice = rightChoice(thread);
    await page.focus(`[data-testid="category-${choice.category}"]`);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    // Tab enters the escalation group on its first radio ("yes"); the arrow moves to "no".
    if (!choice.escalate) await page.keyboard.press('ArrowDown');
    else await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer-template');
    // Arrow keys walk the closed list (past the group labels) to the template.
    const steps = await page.$eval('[data-testid="template-select"]', (el, id) => [...(el as HTMLSelectElement).options].findIndex((o) => o.value === id), templateIdOf(choice.stage));
    expect(steps).toBeGreaterThan(0);
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    expect(await page.$eval('[data-testid="template-select"]', (el) => (el as HTMLSelectElement).value)).toBe(templateIdOf(choice.stage));
    await page.waitForSelector('[data-testid="template-preview"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('submit-answer');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="feedback"]');
    expect(await textOf(page, '#feedback-title')).toBe('Feedback: 3 of 3 right');
    await page.focus('[data-testid="next-thread"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'thread-title', { polling: 50 });
    expect(await textOf(page, '[data-testid="practice-progress"]')).toContain(`2 / ${TOTAL}`);
    // A reload keeps the run (sessionStorage of this tab): still on thread 2, one answer counted.
    await page.reload();
    await page.waitForSelector('[data-testid="thread-subject"]');
    await page.waitForFunction((id) => document.querySelector('[data-testid="practice-thread"]')?.getAttribute('data-thread-id') === id, { polling: 50 }, SAMPLE_THREADS[1]?.id);
    expect(await textOf(page, '[data-testid="practice-progress"]')).toContain(`2 / ${TOTAL}`);
    expect(await page.$eval('progress', (el) => (el as HTMLProgressElement).value)).toBe(1);
    await page.close();
  });
});
