/** A policy's targets in words for preset cards: "Complaints: acknowledge within 24 h · resolve within 5 business days". */
import type { Category } from '../../utils/cases/events';
import { TARGET_NAMES, type SlaPolicy, type SlaTarget, type TargetName } from '../../utils/sla/types';
import { t } from '../pages/i18n';

export function categoryName(category: Category): string {
  if (category === 'inquiry') return t('options_category_inquiry', 'Inquiries');
  if (category === 'complaint') return t('options_category_complaint', 'Complaints');
  return t('options_category_support', 'Support requests');
}

export function targetName(target: TargetName): string {
  switch (target) {
    case 'acknowledge':
      return t('options_target_acknowledge', 'Acknowledge');
    case 'respond':
      return t('options_target_respond', 'Respond');
    case 'resolve':
      return t('options_target_resolve', 'Resolve');
    case 'followUp':
      return t('options_target_followUp', 'Follow up');
    case 'escalationUpdate':
      return t('options_target_escalationUpdate', 'Escalation update');
  }
}

function verb(target: TargetName): string {
  switch (target) {
    case 'acknowledge':
      return t('options_verb_acknowledge', 'acknowledge');
    case 'respond':
      return t('options_verb_respond', 'respond');
    case 'resolve':
      return t('options_verb_resolve', 'resolve');
    case 'followUp':
      return t('options_verb_followUp', 'follow up');
    case 'escalationUpdate':
      return t('options_verb_escalationUpdate', 'update when escalated');
  }
}

/** "24 h", "5 business days", "15 min", "4 business h". */
export function describeDuration(target: Pick<SlaTarget, 'amount' | 'unit' | 'clock'>): string {
  const n = String(Math.round(target.amount * 100) / 100);
  const business = target.clock === 'business';
  if (target.unit === 'minutes') return business ? t('options_duration_business_minutes', '$1 business min', n) : t('options_duration_minutes', '$1 min', n);
  if (target.unit === 'hours') return business ? t('options_duration_business_hours', '$1 business h', n) : t('options_duration_hours', '$1 h', n);
  if (target.amount === 1) return business ? t('options_duration_business_day', '1 business day') : t('options_duration_day', '1 day');
  return business ? t('options_duration_business_days', '$1 business days', n) : t('options_duration_days', '$1 days', n);
}

/** "acknowledge within 24 h · resolve within 5 business days", or a note when there are none. */
export function describeCategoryTargets(policy: SlaPolicy, category: Category): string {
  const targets = policy.targets[category];
  const parts: string[] = [];
  for (const name of TARGET_NAMES) {
    const target = targets[name];
    if (target) parts.push(t('options_within', '$1 within $2', [verb(name), describeDuration(target)]));
  }
  return parts.length > 0 ? parts.join(' · ') : t('options_noTargets', 'no time targets');
}
