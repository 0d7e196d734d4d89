/** A case as the sidebar shows it, from its record, log, classification, policy and templates. Pure. */
import type { CaseView, TemplateSummary } from '../case-view';
import type { Classification } from '../classify';
import type { CaseEvent } from '../cases/events';
import { availableActions, type CaseState } from '../cases/lifecycle';
import type { CaseRecord } from '../cases/records';
import type { SlaPolicy, TargetStatus } from '../sla/types';
import { suggestTemplates } from '../templates/suggest';
import type { Template, TemplateLanguage } from '../templates/types';

export interface CaseViewInput {
  record: CaseRecord;
  state: CaseState;
  events: readonly CaseEvent[];
  classification?: Classification;
  statuses: TargetStatus[];
  policy: SlaPolicy;
  templates: readonly Template[];
  language: TemplateLanguage;
  agentTimeZone: string;
}

function noteOf(e: CaseEvent): string | undefined {
  switch (e.type) {
    case 'escalated':
      return `${e.data.to}: ${e.data.reason}`;
    case 'resolved':
      return e.data.summary;
    case 'closed':
      return e.data.satisfied ? 'customer satisfied' : e.data.reason;
    case 'category_set':
      return `${e.data.category}${e.data.by === 'classifier' ? ' (classifier)' : ''}`;
    case 'template_inserted':
      return e.data.templateId;
    case 'acknowledged':
      return e.data.reference;
    case 'assigned':
      return e.data.owner === undefined ? 'to nobody' : `to ${e.data.owner}`;
    case 'handed_on':
      return `to ${e.data.owner}`;
    default:
      return undefined;
  }
}

export function summarizeTemplates(templates: readonly Template[], suggested: readonly Template[], language: TemplateLanguage): TemplateSummary[] {
  const suggestedIds = new Set(suggested.map((t) => t.id));
  const out: TemplateSummary[] = [];
  for (const t of suggested) out.push(summary(t, true));
  for (const t of templates) {
    if (t.status !== 'approved' || suggestedIds.has(t.id) || t.language !== language) continue;
    out.push(summary(t, false));
  }
  return out;
}

function summary(t: Template, suggested: boolean): TemplateSummary {
  return { id: t.id, version: t.version, name: t.name, stage: t.stage, language: t.language, suggested, ...(t.shortcut ? { shortcut: t.shortcut } : {}) };
}

export function buildCaseView(input: CaseViewInput): CaseView {
  const { record, state, policy } = input;
  const category = state.category ?? input.classification?.label ?? 'inquiry';
  const suggested = suggestTemplates(input.templates, { category, stage: state.stage ?? 'received', language: input.language });
  const view: CaseView = {
    caseId: record.caseId,
    host: record.host,
    threadId: record.threadId,
    subject: record.subject,
    customer: { ...(record.customerName ? { name: record.customerName } : {}), ...(record.customerEmail ? { email: record.customerEmail } : {}) },
    category,
    categoryBy: state.categoryBy ?? 'classifier',
    escalationFlags: input.classification?.escalation.flags ?? [],
    state,
    actions: availableActions(state),
    sla: input.statuses,
    calendar: policy.calendar,
    policyName: policy.name,
    dueSoonShare: policy.dueSoonShare,
    usesNps: policy.usesNps,
    templates: summarizeTemplates(input.templates, suggested, input.language),
    history: input.events
      .slice(-40)
      .map((e) => {
        const note = noteOf(e);
        return { type: e.type, at: e.at, actor: e.actor, ...(note ? { note } : {}) };
      }),
    agentTimeZone: input.agentTimeZone,
  };
  if (input.classification) {
    const c = input.classification;
    view.classification = { label: c.label, confidence: c.confidence, scores: c.scores, reasons: c.reasons };
  }
  return view;
}
