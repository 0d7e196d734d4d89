/**
 * A procedure's time targets in words, for the practice feedback and the practice page:
 * "Complaints are acknowledged within 24 hours and resolved within 5 business days
 * (procedure 000 §5.2)" or, short, "acknowledge within 24 hours, resolve within 5 business days".
 */
import type { Category } from '../cases/events';
import { PRACTICE_TARGET_KINDS, type PracticeProcedure, type PracticeTarget, type PracticeTargetKind } from './procedure';

const CATEGORY_SUBJECT: Record<Category, string> = {
  inquiry: 'Inquiries are',
  complaint: 'Complaints are',
  support: 'Support requests are',
};

const CATEGORY_PLURAL: Record<Category, string> = {
  inquiry: 'inquiries',
  complaint: 'complaints',
  support: 'support requests',
};

const PASSIVE: Record<PracticeTargetKind, (duration: string) => string> = {
  acknowledge: (d) => `acknowledged within ${d}`,
  respond: (d) => `answered within ${d}`,
  resolve: (d) => `resolved within ${d}`,
  followUp: (d) => `followed up within ${d} of the resolution`,
  escalationUpdate: (d) => `given a status update within ${d} while escalated`,
};

const IMPERATIVE: Record<PracticeTargetKind, (duration: string) => string> = {
  acknowledge: (d) => `acknowledge within ${d}`,
  respond: (d) => `answer within ${d}`,
  resolve: (d) => `resolve within ${d}`,
  followUp: (d) => `follow up within ${d} of the resolution`,
  escalationUpdate: (d) => `update an escalated case within ${d}`,
};

const UNIT_SINGULAR: Record<PracticeTarget['unit'], string> = { minutes: 'minute', hours: 'hour', days: 'day' };

/** "24 hours", "1 business day", "4 business hours", "15 minutes". */
export function describeDuration(target: Pick<PracticeTarget, 'amount' | 'unit' | 'clock'>): string {
  const unit = target.amount === 1 ? UNIT_SINGULAR[target.unit] : target.unit;
  const clock = target.clock === 'business' ? 'business ' : '';
  return `${formatAmount(target.amount)} ${clock}${unit}`;
}

function formatAmount(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : String(Math.round(amount * 100) / 100);
}

/** The targets a procedure sets for a category, in lifecycle order. */
export function targetsOf(procedure: PracticeProcedure, category: Category): Array<[PracticeTargetKind, PracticeTarget]> {
  const targets = procedure.targets[category] ?? {};
  const found: Array<[PracticeTargetKind, PracticeTarget]> = [];
  for (const kind of PRACTICE_TARGET_KINDS) {
    const target = targets[kind];
    if (target) found.push([kind, target]);
  }
  return found;
}

/** How a target's source is cited: the procedure document, the section, and whether it is ours. */
export interface SourceCitation {
  /** The procedure document, e.g. '000'. */
  document: string;
  /** The section inside it, e.g. '§5.2' or 'Step 3'; empty when the source names none. */
  section: string;
  /** The figure is Caseline's default where the procedure is silent, not the procedure's own. */
  isDefault: boolean;
}

/** The short name of a procedure: 'sop-000' is cited as '000'. */
export function procedureNumber(procedure: Pick<PracticeProcedure, 'id'>): string {
  return procedure.id.replace(/^sop-/i, '');
}

/**
 * Reads a target's source: '§5.2' (the procedure's own section), '000 §5.2', or the SLA presets'
 * 'sop/000_<hash>.txt §5.2, line 56: <what it says>' become document '000', section '§5.2'.
 * Sources marked "not in the procedure" or "Caseline default" are defaults.
 */
export function parseSource(source: string | undefined, procedure: Pick<PracticeProcedure, 'id'>): SourceCitation {
  const text = (source ?? '').trim();
  const isDefault = /not in the procedure|caseline default/i.test(text);
  let head = text.split(/:\s/)[0] ?? '';
  let document = procedureNumber(procedure);
  const file = /(?:[\w.-]*\/)?(\d{3})_[0-9a-f]+\.txt/i.exec(head);
  if (file) {
    document = file[1] ?? document;
    head = head.replace(file[0], ' ');
  } else {
    head = head.replace(/^\s*procedure\s+/i, '');
    const leading = /^\s*(\d{3})(?=\s|$)/.exec(head);
    if (leading) {
      document = leading[1] ?? document;
      head = head.slice(leading[0].length);
    }
  }
  const section = head
    .replace(/,?\s*lines?\s+[\d\u2013-]+/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;]+|[\s,;]+$/g, '');
  return { document, section, isDefault };
}

/** "procedure 000 §5.2", "procedure 001 Scope, Step 5, Step 3": sections grouped by document. */
export function citeProcedure(procedure: Pick<PracticeProcedure, 'id'>, sources: ReadonlyArray<string | undefined> = []): string {
  const sections = new Map<string, string[]>();
  for (const source of sources) {
    const { document, section } = parseSource(source, procedure);
    const list = sections.get(document) ?? [];
    if (section && !list.includes(section)) list.push(section);
    sections.set(document, list);
  }
  if (sections.size === 0) sections.set(procedureNumber(procedure), []);
  return [...sections].map(([document, list]) => `procedure ${document}${list.length > 0 ? ` ${list.join(', ')}` : ''}`).join('; ');
}

function joinWithAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The category's rule as a sentence citing the procedure, e.g. "Complaints are acknowledged
 * within 24 hours and resolved within 5 business days (procedure 000 §5.2)." Targets that are
 * Caseline's defaults where the procedure is silent follow in a second sentence.
 */
export function describeCategoryRule(procedure: PracticeProcedure, category: Category): string {
  const targets = targetsOf(procedure, category);
  const own = targets.filter(([, target]) => !parseSource(target.source, procedure).isDefault);
  const defaults = targets.filter(([, target]) => parseSource(target.source, procedure).isDefault);
  const number = procedureNumber(procedure);
  const defaultsText = defaults.map(([kind, target]) => IMPERATIVE[kind](describeDuration(target))).join(', ');
  if (own.length === 0) {
    const none = `Procedure ${number} (${procedure.name}) sets no time targets for ${CATEGORY_PLURAL[category]}`;
    return defaults.length === 0 ? `${none}.` : `${none}; Caseline's defaults apply: ${defaultsText}.`;
  }
  const parts = own.map(([kind, target]) => PASSIVE[kind](describeDuration(target)));
  const rule = `${CATEGORY_SUBJECT[category]} ${joinWithAnd(parts)} (${citeProcedure(procedure, own.map(([, t]) => t.source))}).`;
  return defaults.length === 0 ? rule : `${rule} Where procedure ${number} is silent, Caseline's defaults apply: ${defaultsText}.`;
}

/** The category's deadlines, short: "acknowledge within 24 hours, resolve within 5 business days". */
export function describeDeadlines(procedure: PracticeProcedure, category: Category): string {
  const targets = targetsOf(procedure, category);
  if (targets.length === 0) return 'no time targets';
  return targets.map(([kind, target]) => IMPERATIVE[kind](describeDuration(target))).join(', ');
}
