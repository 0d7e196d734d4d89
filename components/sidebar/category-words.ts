import type { Category, Stage } from '@/utils/cases/events';
import { t } from './i18n';

export function categoryWord(c: Category): string {
  switch (c) {
    case 'inquiry':
      return t('category_inquiry', 'Inquiry');
    case 'complaint':
      return t('category_complaint', 'Complaint');
    case 'support':
      return t('category_support', 'Support request');
  }
}

export function stageWord(s: Stage | null): string {
  switch (s) {
    case 'received':
      return t('stage_received', 'Received');
    case 'acknowledged':
      return t('stage_acknowledged', 'Acknowledged');
    case 'escalated':
      return t('stage_escalated', 'Escalated');
    case 'resolved':
      return t('stage_resolved', 'Resolved');
    case 'followed_up':
      return t('stage_followed_up', 'Followed up');
    case 'closed':
      return t('stage_closed', 'Closed');
    default:
      return t('stage_none', 'No case');
  }
}
