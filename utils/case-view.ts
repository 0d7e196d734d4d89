/**
 * What the background sends a sidebar for one case: everything it renders, already decided.
 * The sidebar turns `sla[].dueAt` into remaining time with the same calendar functions.
 */
import type { BusinessCalendar } from './calendar';
import type { EscalationFlag } from './classify/escalation/kinds';
import type { CaseCommandType, CaseState } from './cases/lifecycle';
import type { Category, CaseEventType } from './cases/events';
import type { TargetStatus } from './sla/types';
import type { TemplateStage } from './templates/types';

export interface TemplateSummary {
  id: string;
  version: number;
  name: string;
  stage: TemplateStage;
  language: string;
  shortcut?: string;
  /** Suggested for this case's category and stage. */
  suggested: boolean;
}

export interface CaseView {
  caseId: string;
  host: 'gmail' | 'outlook';
  threadId: string;
  subject: string;
  customer: { name?: string; email?: string };
  category: Category;
  categoryBy: 'classifier' | 'agent';
  /** The classifier's answer for the newest customer message, when the thread was read. */
  classification?: {
    label: Category;
    confidence: number;
    scores: Record<Category, number>;
    reasons: string[];
  };
  /** Escalation flags of the customer's messages, each with the words that raised it. */
  escalationFlags: EscalationFlag[];
  state: CaseState;
  actions: CaseCommandType[];
  sla: TargetStatus[];
  calendar: BusinessCalendar;
  policyName: string;
  dueSoonShare: number;
  usesNps: boolean;
  templates: TemplateSummary[];
  history: Array<{ type: CaseEventType; at: string; actor: string; note?: string }>;
  /** The agent's own zone and language, for due times and texts. */
  agentTimeZone: string;
}

/** Small per-row facts for the chips in a conversation list. */
export interface ListChip {
  threadId: string;
  caseId: string;
  category: Category;
  /** Nearest open deadline, if any. */
  dueAt?: string;
  dueTarget?: string;
  state?: TargetStatus['state'];
  /** Shared inbox: who owns the case (utils/shared-inbox), when someone does. */
  owner?: string;
  ownerName?: string;
  ownerInitials?: string;
}

export interface QueueItem {
  caseId: string;
  host: 'gmail' | 'outlook';
  threadId: string;
  subject: string;
  category: Category;
  stage: string;
  reference?: string;
  nextDueAt?: string;
  nextTarget?: string;
  /** While the next deadline is running: when it turns due soon. */
  nextDueSoonAt?: string;
  state?: TargetStatus['state'];
  /** Shared inbox: who owns the case, when someone does, and whether it is the agent. */
  owner?: string;
  ownerName?: string;
  ownerInitials?: string;
  mine?: boolean;
}
