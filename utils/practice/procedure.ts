/**
 * The part of an SLA policy the practice exercise needs: per category, each target's amount,
 * unit, clock and the line of the procedure it comes from. Structurally a subset of the SLA
 * module's policy (utils/sla), so a chosen preset can be passed straight in.
 */
import type { Category } from '../cases/events';

export const PRACTICE_TARGET_KINDS = ['acknowledge', 'respond', 'resolve', 'followUp', 'escalationUpdate'] as const;
export type PracticeTargetKind = (typeof PRACTICE_TARGET_KINDS)[number];

export interface PracticeTarget {
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
  clock: 'business' | 'calendar';
  /**
   * Where in the procedure the target comes from, e.g. '§5.2'. Optional here so that policies
   * without it still fit; feedback then cites the procedure alone.
   */
  source?: string;
}

export interface PracticeProcedure {
  /** Short id of the procedure document, e.g. '000'. */
  id: string;
  name: string;
  /** Per category; a category or target the procedure does not set is simply absent. */
  targets: Partial<Record<Category, Partial<Record<PracticeTargetKind, PracticeTarget>>>>;
}

/**
 * The default procedure of the practice set, as the sample threads' SLA situations assume it:
 * procedure 000 (§5.1 inquiries, §5.2 complaints, §5.3 support requests). "Within 24 hours" is
 * read as calendar hours; "business days" as business days.
 */
export const PRACTICE_DEFAULT_PROCEDURE: PracticeProcedure = {
  id: '000',
  name: 'Customer service SOP (nonprofit)',
  targets: {
    inquiry: {
      acknowledge: { amount: 24, unit: 'hours', clock: 'calendar', source: '§5.1' },
      respond: { amount: 3, unit: 'days', clock: 'business', source: '§5.1' },
    },
    complaint: {
      acknowledge: { amount: 24, unit: 'hours', clock: 'calendar', source: '§5.2' },
      resolve: { amount: 5, unit: 'days', clock: 'business', source: '§5.2' },
    },
    support: {
      resolve: { amount: 3, unit: 'days', clock: 'business', source: '§5.3' },
    },
  },
};
