import { describe, expect, it } from 'vitest';
import { practicePreviewValues } from '../../../utils/practice/template-preview';
import { SAMPLE_THREADS } from '../../../utils/practice/sample-threads';
import { PRACTICE_AGENT, PRACTICE_COMPANY } from '../../../utils/practice/company';
import { DEFAULT_TEMPLATES } from '../../../utils/templates/library';
import { renderTemplate } from '../../../utils/templates/render';

const english = DEFAULT_TEMPLATES.filter((t) => t.language === 'en');

describe('practicePreviewValues', () => {
  it('fills every template of the English library for every sample thread, leaving no placeholder', () => {
    for (const thread of SAMPLE_THREADS) {
      for (const template of english) {
        const rendered = renderTemplate(template, practicePreviewValues(template, thread, { timeZone: 'Europe/London', now: '2026-11-25T14:00:00Z' }));
        expect(rendered.missing, `${thread.id} / ${template.id}`).toEqual([]);
        expect(rendered.text).not.toMatch(/\{\{/);
      }
    }
  });

  it('takes names from the thread and the practice company, and marks deadlines as sample stand-ins', () => {
    const thread = SAMPLE_THREADS.find((t) => t.reference);
    const template = english.find((t) => t.id === 'default-acknowledgement-en');
    if (!thread || !template) throw new Error('fixtures missing');
    const values = practicePreviewValues(template, thread);
    expect(values['customer.firstName']).toBe(thread.customer.name.split(' ')[0]);
    expect(values['agent.name']).toBe(PRACTICE_AGENT.name);
    expect(values['company.name']).toBe(PRACTICE_COMPANY);
    expect(values['case.reference']).toBe(thread.reference);
    expect(values['sla.respondBy']).toBe('[Respond by]');
  });

  it('uses the category the trainee chose, never the expected one', () => {
    const thread = SAMPLE_THREADS.find((t) => t.expected.category === 'complaint');
    const template = { body: 'About your {{case.category}}.', language: 'en' as const };
    if (!thread) throw new Error('fixtures missing');
    expect(practicePreviewValues(template, thread)['case.category']).toBe('[Case category]');
    expect(practicePreviewValues(template, thread, { category: 'inquiry' })['case.category']).toBe('inquiry');
  });
});
