/** The practice page's names for categories and template stages, in the trainee's language (en). */
import type { Category } from '../../utils/cases/events';
import type { TemplateStage } from '../../utils/templates/types';

export const CATEGORY_LABEL: Record<Category, string> = {
  inquiry: 'Inquiry',
  complaint: 'Complaint',
  support: 'Support request',
};

export const CATEGORY_HINT: Record<Category, string> = {
  inquiry: 'asks for information; nothing has gone wrong',
  complaint: 'something went wrong and the customer is unhappy about it',
  support: 'asks us to do or fix something',
};

export const STAGE_LABEL: Record<TemplateStage, string> = {
  greeting: 'Greeting',
  acknowledgement: 'Acknowledgement',
  inquiry_answer: 'Answer to an inquiry',
  complaint_apology: 'Complaint apology',
  support_ticket: 'Support ticket',
  escalation_notice: 'Escalation notice',
  status_update: 'Status update',
  resolution: 'Resolution',
  satisfaction_check: 'Satisfaction check',
  follow_up: 'Follow-up',
  closing: 'Closing the case',
  signoff: 'Sign-off',
};

export const HOST_LABEL = { gmail: 'Gmail', outlook: 'Outlook' } as const;
