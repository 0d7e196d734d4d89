import { describe, expect, it } from 'vitest';
import { CATEGORIES, STAGES } from '../../../utils/cases/events';
import { DEFAULT_TEMPLATES, editTemplate, fittingStages, newDraft, retire, suggestTemplates } from '../../../utils/templates';
import type { Template, TemplateStage } from '../../../utils/templates';

const stagesOf = (ts: Template[]) => ts.map((t) => t.stage);
const idsOf = (ts: Template[]) => ts.map((t) => t.id);
/** The distinct stages in order of first appearance. */
const stageOrder = (ts: Template[]) => [...new Set(stagesOf(ts))];

describe('suggestTemplates with the default library', () => {
  it('a received complaint: apology first, then acknowledgement', () => {
    const s = suggestTemplates(DEFAULT_TEMPLATES, { category: 'complaint', stage: 'received', language: 'en' });
    expect(idsOf(s).slice(0, 2)).toEqual(['default-complaint-apology-en', 'default-acknowledgement-en']);
    expect(stageOrder(s)).toEqual(['complaint_apology', 'acknowledgement', 'greeting', 'signoff']);
  });

  it('a received support request: ticket confirmation first', () => {
    const s = suggestTemplates(DEFAULT_TEMPLATES, { category: 'support', stage: 'received', language: 'es' });
    expect(s[0]?.id).toBe('default-support-ticket-es');
    expect(stageOrder(s).slice(0, 2)).toEqual(['support_ticket', 'acknowledgement']);
  });

  it('a received inquiry: the inquiry acknowledgement before the generic one, then the answer', () => {
    const s = suggestTemplates(DEFAULT_TEMPLATES, { category: 'inquiry', stage: 'received', language: 'en' });
    expect(idsOf(s).slice(0, 3)).toEqual(['default-acknowledgement-inquiry-en', 'default-acknowledgement-en', 'default-inquiry-answer-en']);
  });

  it('an acknowledged inquiry: the answer first', () => {
    expect(suggestTemplates(DEFAULT_TEMPLATES, { category: 'inquiry', stage: 'acknowledged', language: 'en' })[0]?.stage).toBe('inquiry_answer');
  });

  it('escalated: escalation notice, then status update', () => {
    for (const category of CATEGORIES) {
      const s = suggestTemplates(DEFAULT_TEMPLATES, { category, stage: 'escalated', language: 'en' });
      expect(stageOrder(s).slice(0, 2)).toEqual(['escalation_notice', 'status_update']);
    }
  });

  it('resolved: satisfaction check (1–5 before NPS), then follow-up', () => {
    const s = suggestTemplates(DEFAULT_TEMPLATES, { category: 'support', stage: 'resolved', language: 'en' });
    expect(idsOf(s).slice(0, 3)).toEqual(['default-satisfaction-check-en', 'default-satisfaction-nps-en', 'default-follow-up-en']);
  });

  it('followed up and closed: closing first', () => {
    expect(suggestTemplates(DEFAULT_TEMPLATES, { category: 'complaint', stage: 'followed_up', language: 'en' })[0]?.stage).toBe('closing');
    expect(stageOrder(suggestTemplates(DEFAULT_TEMPLATES, { category: 'complaint', stage: 'closed', language: 'es' }))).toEqual(['closing', 'greeting', 'signoff']);
  });

  it('leaves out templates written for another category', () => {
    const s = suggestTemplates(DEFAULT_TEMPLATES, { category: 'inquiry', stage: 'received', language: 'en' });
    expect(stagesOf(s)).not.toContain('complaint_apology');
    expect(stagesOf(s)).not.toContain('support_ticket');
  });

  it('for an unclassified case suggests only generic templates', () => {
    const s = suggestTemplates(DEFAULT_TEMPLATES, { category: undefined, stage: 'received', language: 'en' });
    expect(s.every((t) => t.categories.length === 0)).toBe(true);
    expect(s[0]?.id).toBe('default-acknowledgement-en');
  });

  it('only returns approved templates in the requested language, for every stage and category', () => {
    for (const stage of STAGES) {
      for (const category of [...CATEGORIES, undefined]) {
        const s = suggestTemplates(DEFAULT_TEMPLATES, { category, stage, language: 'es' });
        expect(s.length).toBeGreaterThan(0);
        expect(s.every((t) => t.language === 'es' && t.status === 'approved')).toBe(true);
        expect(stageOrder(s)).toEqual(fittingStages(category, stage).filter((st: TemplateStage) => stageOrder(s).includes(st)));
      }
    }
  });
});

describe('suggestTemplates rules', () => {
  const AT = '2026-11-27T10:00:00.000Z';
  const approved = (over: Partial<Template>): Template => ({
    ...newDraft({ id: 'x', name: 'X', stage: 'acknowledgement', language: 'en', body: 'Hi' }, AT),
    status: 'approved',
    approvedBy: 'Lee',
    approvedAt: AT,
    ...over,
  });

  it('puts a template written for the category before a generic one of the same stage', () => {
    const generic = approved({ id: 'generic', name: 'A generic' });
    const specific = approved({ id: 'specific', name: 'Z specific', categories: ['complaint', 'support'] });
    expect(idsOf(suggestTemplates([generic, specific], { category: 'complaint', stage: 'received', language: 'en' }))).toEqual(['specific', 'generic']);
  });

  it('ignores drafts, retired templates and an approved version superseded by a newer approved one', () => {
    const v1 = approved({ id: 'a', version: 1, name: 'Old' });
    const v2 = approved({ id: 'a', version: 2, name: 'New' });
    const draft = editTemplate(v2, { name: 'Newer' }, AT);
    const gone = retire(approved({ id: 'b' }), AT);
    expect(suggestTemplates([v1, v2, draft, gone], { category: 'inquiry', stage: 'received', language: 'en' })).toEqual([v2]);
  });

  it('suggests nothing when nothing fits', () => {
    expect(suggestTemplates([approved({ stage: 'closing' })], { category: 'inquiry', stage: 'received', language: 'en' })).toEqual([]);
    expect(suggestTemplates([], { category: 'inquiry', stage: 'received', language: 'en' })).toEqual([]);
  });
});
