import type { TemplateContext } from '../../../utils/templates';
import type { TemplateLanguage } from '../../../utils/templates';

/** A case with everything known, as the sidebar would describe it. */
export function fullContext(language: TemplateLanguage): TemplateContext {
  return {
    language,
    timeZone: 'Europe/Madrid',
    now: '2025-11-26T09:30:00Z',
    customer: { name: 'Jane Doe', email: 'jane@example.com' },
    agent: { name: 'Sam Lee' },
    company: { name: 'Acme Care' },
    case: { reference: 'CL-2025-0042', subject: 'Late delivery', category: 'complaint' },
    sla: {
      acknowledgeBy: '2025-11-26T10:00:00Z',
      respondBy: '2025-11-27T11:00:00Z',
      resolveBy: '2025-11-28T16:00:00Z',
      followUpBy: '2025-12-02T16:00:00Z',
      escalationUpdateBy: '2025-11-27T08:00:00Z',
    },
    escalation: { contact: 'Maria Lopez, Customer Care lead' },
  };
}
