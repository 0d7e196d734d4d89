/**
 * Which templates fit a case now: the ones written for its category and for the step its
 * lifecycle stage calls for come first. Approved templates only.
 */
import type { Category, Stage } from '../cases/events';
import { insertableTemplates } from './approval';
import type { Template, TemplateLanguage, TemplateStage } from './types';

export interface SuggestionContext {
  /** The case category; undefined while the case is not yet classified. */
  category: Category | undefined;
  /** The case's lifecycle stage. */
  stage: Stage;
  /** The language of the reply. */
  language: TemplateLanguage;
}

type ByCategory = Record<Category | 'unknown', readonly TemplateStage[]>;

/** For each case stage, the template stages that fit it, best first, per category. */
const FITTING_STAGES: Record<Stage, ByCategory> = {
  received: {
    complaint: ['complaint_apology', 'acknowledgement'],
    support: ['support_ticket', 'acknowledgement'],
    inquiry: ['acknowledgement', 'inquiry_answer'],
    unknown: ['acknowledgement'],
  },
  acknowledged: {
    complaint: ['status_update', 'resolution', 'escalation_notice', 'complaint_apology'],
    support: ['status_update', 'resolution', 'escalation_notice', 'support_ticket'],
    inquiry: ['inquiry_answer', 'status_update', 'resolution', 'escalation_notice'],
    unknown: ['status_update', 'resolution', 'inquiry_answer', 'escalation_notice'],
  },
  escalated: {
    complaint: ['escalation_notice', 'status_update', 'resolution', 'complaint_apology'],
    support: ['escalation_notice', 'status_update', 'resolution'],
    inquiry: ['escalation_notice', 'status_update', 'inquiry_answer', 'resolution'],
    unknown: ['escalation_notice', 'status_update', 'resolution'],
  },
  resolved: {
    complaint: ['satisfaction_check', 'follow_up', 'resolution', 'closing'],
    support: ['satisfaction_check', 'follow_up', 'resolution', 'closing'],
    inquiry: ['satisfaction_check', 'follow_up', 'closing'],
    unknown: ['satisfaction_check', 'follow_up', 'closing'],
  },
  followed_up: {
    complaint: ['closing', 'follow_up', 'satisfaction_check'],
    support: ['closing', 'follow_up', 'satisfaction_check'],
    inquiry: ['closing', 'follow_up', 'satisfaction_check'],
    unknown: ['closing', 'follow_up', 'satisfaction_check'],
  },
  closed: {
    complaint: ['closing'],
    support: ['closing'],
    inquiry: ['closing'],
    unknown: ['closing'],
  },
};

/** Fragments that fit any reply: listed after the stage's own templates. */
const ALWAYS_USEFUL: readonly TemplateStage[] = ['greeting', 'signoff'];

/** The template stages that fit a case, best first (the fragments greeting and sign-off last). */
export function fittingStages(category: Category | undefined, stage: Stage): TemplateStage[] {
  const own = FITTING_STAGES[stage][category ?? 'unknown'];
  return [...own, ...ALWAYS_USEFUL.filter((s) => !own.includes(s))];
}

/**
 * Approved templates in the reply's language that fit the case, best fit first: by how well the
 * template's stage fits the case stage, then templates written for the category before generic
 * ones, then in the order given (the library's own order). Templates for another category, and templates whose stage does not fit,
 * are left out (the palette finds any template).
 */
export function suggestTemplates(templates: readonly Template[], context: SuggestionContext): Template[] {
  const order = fittingStages(context.category, context.stage);
  const scored: Array<{ t: Template; rank: number; specific: number }> = [];
  for (const t of insertableTemplates(templates)) {
    if (t.language !== context.language) continue;
    const rank = order.indexOf(t.stage);
    if (rank < 0) continue;
    const specific = t.categories.length === 0 ? 1 : context.category !== undefined && t.categories.includes(context.category) ? 0 : -1;
    if (specific < 0) continue;
    scored.push({ t, rank, specific });
  }
  scored.sort((a, b) => a.rank - b.rank || a.specific - b.specific);
  return scored.map((s) => s.t);
}
