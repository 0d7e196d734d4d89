/**
 * The kinds of escalation the procedures ask for (procedure 004 §5.1 "legal or regulatory
 * concerns", §10 data privacy; 000 §10.2 and 001 step 3 "escalated issues"), in the order the
 * sidebar lists them. The English labels go into `why`; the sidebar shows its own translation.
 */
export const ESCALATION_KINDS = [
  'legal',
  'regulator',
  'safety',
  'abuse',
  'media',
  'executive',
  'privacy',
  'vulnerable',
  'repeat',
] as const;

export type EscalationKind = (typeof ESCALATION_KINDS)[number];

export const KIND_LABELS: Record<EscalationKind, string> = {
  legal: 'legal action',
  regulator: 'regulator or ombudsman',
  safety: 'health and safety',
  abuse: 'abuse or threats towards staff',
  media: 'media or public exposure',
  executive: 'letter to an executive',
  privacy: 'data breach or privacy',
  vulnerable: 'vulnerable customer',
  repeat: 'repeated contact',
};

export interface EscalationFlag {
  kind: EscalationKind;
  /** The customer's own words that raised the flag, as written (at most three). */
  words: string[];
  /** Repeated contact only: earlier customer messages on the case, when the history raised it. */
  earlierMessages?: number;
}

export interface Escalation {
  flagged: boolean;
  /** One line a flag, "kind: “words”, “words”" in English (logs, practice page). */
  why: string[];
  flags: EscalationFlag[];
}
