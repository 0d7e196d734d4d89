import { describe, expect, it } from 'vitest';
import {
  TEMPLATE_VARIABLES,
  VARIABLE_NAMES,
  fillableFrom,
  firstNameOf,
  isKnownVariable,
  missingVariables,
  variableLabel,
  variablesOf,
} from '../../../utils/templates';
import { fullContext } from './full-context';

describe('variable catalogue', () => {
  it('lists every variable once with English and Spanish labels', () => {
    expect(TEMPLATE_VARIABLES.map((v) => v.name)).toEqual([...VARIABLE_NAMES]);
    for (const v of TEMPLATE_VARIABLES) {
      expect(v.label.en.trim()).not.toBe('');
      expect(v.label.es.trim()).not.toBe('');
    }
    expect(VARIABLE_NAMES).toEqual(
      expect.arrayContaining(['customer.firstName', 'agent.name', 'case.reference', 'sla.resolveBy', 'sla.escalationUpdateBy', 'escalation.contact', 'company.name', 'today']),
    );
  });

  it('knows its own names only', () => {
    expect(isKnownVariable('case.reference')).toBe(true);
    expect(isKnownVariable('case.secret')).toBe(false);
    expect(isKnownVariable('cursor')).toBe(false);
    expect(isKnownVariable('constructor')).toBe(false);
    expect(variableLabel('sla.resolveBy', 'es')).toBe('Resolver antes de');
    expect(variableLabel('x.y', 'en')).toBe('x.y');
  });
});

describe('variablesOf and missingVariables', () => {
  const t = { body: 'Hi {{customer.firstName}}, {{cursor}}\n\n[{{case.reference}}](https://x.example) {{customer.firstName}} {{sla.resolveBy}}' };

  it('lists placeholders once, in order, without the cursor, including those in link labels', () => {
    expect(variablesOf(t)).toEqual(['customer.firstName', 'case.reference', 'sla.resolveBy']);
  });

  it('reports what the values do not fill (blank counts as missing)', () => {
    expect(missingVariables(t, { 'customer.firstName': 'Ana', 'case.reference': ' ' })).toEqual(['case.reference', 'sla.resolveBy']);
    expect(missingVariables(t, { 'customer.firstName': 'Ana', 'case.reference': 'R', 'sla.resolveBy': 'Friday' })).toEqual([]);
  });
});

describe('firstNameOf', () => {
  it.each([
    ['Jane Doe', 'Jane'],
    ['  Jane   Mary Doe ', 'Jane'],
    ['Doe, Jane', 'Jane'],
    ['"Jane Doe"', 'Jane'],
    ['Émilie', 'Émilie'],
    ['jane@example.com', undefined],
    ['   ', undefined],
  ])('%j → %j', (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });
});

describe('fillableFrom', () => {
  it('fills everything a full case knows, dates in the agent zone and language', () => {
    expect(fillableFrom(fullContext('en'))).toEqual({
      'customer.name': 'Jane Doe',
      'customer.firstName': 'Jane',
      'customer.email': 'jane@example.com',
      'agent.name': 'Sam Lee',
      'agent.firstName': 'Sam',
      'company.name': 'Acme Care',
      'case.reference': 'CL-2025-0042',
      'case.subject': 'Late delivery',
      'case.category': 'complaint',
      'sla.acknowledgeBy': 'Wednesday 26 November, 11:00',
      'sla.respondBy': 'Thursday 27 November, 12:00',
      'sla.resolveBy': 'Friday 28 November, 17:00',
      'sla.followUpBy': 'Tuesday 2 December, 17:00',
      'sla.escalationUpdateBy': 'Thursday 27 November, 09:00',
      'escalation.contact': 'Maria Lopez, Customer Care lead',
      today: 'Wednesday 26 November 2025',
    });
  });

  it('writes category words and dates in Spanish for a Spanish template', () => {
    const values = fillableFrom({ ...fullContext('es'), case: { reference: 'R', category: 'support' } });
    expect(values['case.category']).toBe('solicitud de soporte');
    expect(values['sla.resolveBy']).toBe('viernes 28 de noviembre, 17:00');
    expect(values.today).toBe('miércoles 26 de noviembre de 2025');
  });

  it('honours an explicit locale and an explicit first name', () => {
    const values = fillableFrom({ ...fullContext('en'), locale: 'en-US', customer: { name: 'Doe, Jane', firstName: 'Janey' } });
    expect(values['customer.firstName']).toBe('Janey');
    expect(values['sla.resolveBy']).toBe('Friday 28 November, 17:00');
  });

  it('leaves out what it cannot fill instead of inventing it', () => {
    const values = fillableFrom({ language: 'en', timeZone: 'UTC', now: '2025-11-26T09:30:00Z', customer: { name: 'bob@example.com', email: ' ' }, sla: { resolveBy: 'garbage' } });
    expect(values).toEqual({ today: 'Wednesday 26 November 2025' });
  });

  it('refuses an invalid time zone rather than quoting a deadline in the wrong one', () => {
    expect(() => fillableFrom({ ...fullContext('en'), timeZone: 'Nowhere/Special' })).toThrow(RangeError);
  });

  it('derives the first name from the full name, including "Last, First"', () => {
    expect(fillableFrom({ language: 'en', timeZone: 'UTC', customer: { name: 'Doe, Jane' } })['customer.firstName']).toBe('Jane');
  });
});
