/**
 * Values for previewing a template on a practice thread: what the thread and the practice company
 * supply (customer, agent, company, subject, reference), and for everything else (deadlines, a
 * reference not yet given) a visible stand-in such as "[Respond by]" so the preview reads as a
 * sample and never leaves a raw placeholder.
 */
import type { Category } from '../cases/events';
import type { Template } from '../templates/types';
import { fillableFrom, variableLabel, variablesOf } from '../templates/variables';
import { PRACTICE_AGENT, PRACTICE_COMPANY } from './company';
import type { PracticeThread } from './types';

export interface PreviewOptions {
  /** IANA zone for dates (default UTC). */
  timeZone?: string;
  /** ISO instant for {{today}}. */
  now?: string;
  /** The category the trainee chose (never the expected one: the preview must not give the answer away). */
  category?: Category;
}

export function practicePreviewValues(
  template: Pick<Template, 'body' | 'language'>,
  thread: Pick<PracticeThread, 'subject' | 'customer' | 'reference'>,
  options: PreviewOptions = {},
): Record<string, string> {
  const values = fillableFrom({
    language: template.language,
    timeZone: options.timeZone ?? 'UTC',
    now: options.now,
    customer: { name: thread.customer.name, email: thread.customer.email },
    agent: { name: PRACTICE_AGENT.name },
    company: { name: PRACTICE_COMPANY },
    case: { subject: thread.subject, reference: thread.reference, category: options.category },
  });
  for (const name of variablesOf(template)) {
    if (!Object.prototype.hasOwnProperty.call(values, name)) values[name] = `[${variableLabel(name, template.language)}]`;
  }
  return values;
}
