/** The sidebar's names for the escalation kinds and the words that raised a flag, in the agent's language. */
import type { EscalationFlag, EscalationKind } from '@/utils/classify/escalation/kinds';
import { t } from './i18n';

export function escalationKindWord(kind: EscalationKind): string {
  switch (kind) {
    case 'legal':
      return t('escalation_kind_legal', 'Legal action');
    case 'regulator':
      return t('escalation_kind_regulator', 'Regulator or ombudsman');
    case 'safety':
      return t('escalation_kind_safety', 'Health and safety');
    case 'abuse':
      return t('escalation_kind_abuse', 'Abuse or threats towards staff');
    case 'media':
      return t('escalation_kind_media', 'Media or public exposure');
    case 'executive':
      return t('escalation_kind_executive', 'Letter to an executive');
    case 'privacy':
      return t('escalation_kind_privacy', 'Data breach or privacy');
    case 'vulnerable':
      return t('escalation_kind_vulnerable', 'Vulnerable customer');
    case 'repeat':
      return t('escalation_kind_repeat', 'Repeated contact');
  }
}

/** “the words”, “as written”, and the case history when it raised the flag. */
export function escalationEvidence(flag: EscalationFlag): string {
  const parts = flag.words.map((w) => `“${w}”`);
  if (flag.earlierMessages !== undefined) parts.push(t('escalation_earlier_messages', '$1 earlier messages from the customer', flag.earlierMessages));
  return parts.join(', ');
}
