import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_LANGUAGES,
  TEMPLATE_STAGES,
  approve,
  canInsert,
  fillableFrom,
  renderTemplate,
  validateTemplate,
  variablesOf,
} from '../../../utils/templates';
import type { Template, TemplateLanguage, TemplateStage } from '../../../utils/templates';
import { fullContext } from './full-context';

const FRAGMENTS: TemplateStage[] = ['greeting', 'signoff'];
const byId = (id: string): Template => {
  const t = DEFAULT_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};
const rendered = (id: string) => {
  const t = byId(id);
  return renderTemplate(t, fillableFrom(fullContext(t.language))).text;
};

describe('default template library', () => {
  it('covers every stage in English and in Spanish', () => {
    for (const language of TEMPLATE_LANGUAGES) {
      for (const stage of TEMPLATE_STAGES) {
        const found = DEFAULT_TEMPLATES.filter((t) => t.language === language && t.stage === stage);
        expect(found.length, `${stage} in ${language}`).toBeGreaterThan(0);
      }
    }
  });

  it('has the same set of templates in both languages', () => {
    const key = (t: Template) => t.id.replace(/-(en|es)$/, '');
    const en = DEFAULT_TEMPLATES.filter((t) => t.language === 'en').map(key).sort();
    const es = DEFAULT_TEMPLATES.filter((t) => t.language === 'es').map(key).sort();
    expect(es).toEqual(en);
  });

  it('has unique ids and, per language, unique shortcuts', () => {
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
    for (const language of TEMPLATE_LANGUAGES) {
      const shortcuts = DEFAULT_TEMPLATES.filter((t) => t.language === language).map((t) => t.shortcut);
      expect(shortcuts.every((s) => typeof s === 'string')).toBe(true);
      expect(new Set(shortcuts).size).toBe(shortcuts.length);
    }
  });

  it('ships approved and insertable', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(t.status).toBe('approved');
      expect(canInsert(t)).toBe(true);
    }
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))('%s passes approval cleanly', (_id, t) => {
    expect(validateTemplate(t)).toEqual([]);
    const result = approve({ ...t, status: 'draft', approvedBy: undefined, approvedAt: undefined }, 'Lead', '2026-11-27T10:00:00Z');
    expect(result.ok).toBe(true);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.id, t] as const))('%s renders from a full case with nothing left over', (_id, t) => {
    const values = fillableFrom(fullContext(t.language));
    const out = renderTemplate(t, values);
    expect(out.missing).toEqual([]);
    expect(out.text).not.toContain('{{');
    expect(out.text).not.toContain('}}');
    expect(out.text.trim().length).toBeGreaterThan(10);
    expect(variablesOf(t).length).toBeGreaterThan(0);
  });

  it('greets the customer by name, thanks them and signs with the agent name in every full reply', () => {
    const greeting: Record<TemplateLanguage, RegExp> = { en: /^(Hello|Dear) Jane,/, es: /^Hola, Jane:/ };
    const thanks: Record<TemplateLanguage, RegExp> = { en: /Thank you/, es: /Gracias/ };
    for (const t of DEFAULT_TEMPLATES.filter((x) => !FRAGMENTS.includes(x.stage))) {
      const text = rendered(t.id);
      expect(text, t.id).toMatch(greeting[t.language]);
      expect(text, t.id).toMatch(thanks[t.language]);
      expect(text, t.id).toContain('Sam Lee');
      expect(text, t.id).toContain('CL-2025-0042');
    }
  });

  it('the greeting and sign-off fragments do their one job', () => {
    expect(rendered('default-greeting-en')).toMatch(/^Hello Jane,/);
    expect(rendered('default-greeting-es')).toMatch(/^Hola, Jane:/);
    expect(rendered('default-signoff-en')).toMatch(/Kind regards,\nSam Lee\nAcme Care$/);
    expect(rendered('default-signoff-es')).toMatch(/Un cordial saludo,\nSam Lee\nAcme Care$/);
  });

  it('the complaint apology apologises, cites the reference and the resolution deadline', () => {
    const en = byId('default-complaint-apology-en');
    expect(en.categories).toEqual(['complaint']);
    expect(variablesOf(en)).toEqual(expect.arrayContaining(['case.reference', 'sla.resolveBy']));
    expect(rendered(en.id)).toMatch(/sorry/);
    expect(rendered(en.id)).toContain('Friday 28 November, 17:00');
    const es = rendered('default-complaint-apology-es');
    expect(es).toMatch(/disculpas/);
    expect(es).toContain('viernes 28 de noviembre, 17:00');
  });

  it('the support ticket confirmation gives the ticket number and an estimated time', () => {
    expect(rendered('default-support-ticket-en')).toContain('Ticket number: CL-2025-0042\nEstimated resolution: by Friday 28 November, 17:00');
    expect(rendered('default-support-ticket-es')).toContain('Número de incidencia: CL-2025-0042\nPlazo estimado de resolución: antes del viernes 28 de noviembre, 17:00');
  });

  it('the escalation notice names the point of contact and the update timeline', () => {
    for (const id of ['default-escalation-notice-en', 'default-escalation-notice-es']) {
      expect(variablesOf(byId(id))).toEqual(expect.arrayContaining(['escalation.contact', 'sla.escalationUpdateBy']));
      expect(rendered(id)).toContain('Maria Lopez, Customer Care lead');
    }
    expect(rendered('default-escalation-notice-en')).toContain('update by Thursday 27 November, 09:00');
  });

  it('the satisfaction checks ask for a 1–5 rating and, in the NPS variant, a 0–10 score', () => {
    expect(rendered('default-satisfaction-check-en')).toMatch(/from 1 to 5/);
    expect(rendered('default-satisfaction-check-es')).toMatch(/del 1 al 5/);
    expect(rendered('default-satisfaction-nps-en')).toMatch(/from 0 to 10.*recommend Acme Care/);
    expect(rendered('default-satisfaction-nps-es')).toMatch(/del 0 al 10.*recomendaría Acme Care/);
  });

  it('is written in its own words, not the scripted lines of the procedures', () => {
    const scripted = [
      'Thank you for calling us. How may I assist you today?',
      'Thank you for reaching out. How can we assist you?',
      'Apologize for any inconvenience caused',
      'assure them that the issue will be resolved promptly',
    ].map((s) => s.toLowerCase());
    for (const t of DEFAULT_TEMPLATES) for (const s of scripted) expect(t.body.toLowerCase()).not.toContain(s);
  });
});
