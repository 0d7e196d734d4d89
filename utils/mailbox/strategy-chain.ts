/**
 * Every fact a reader takes from a mailbox page (subject, sender, thread id…) comes from a chain of
 * named strategies, most stable first: data attributes, then structure and ARIA roles, then the
 * host's class names. The first strategy that answers wins. The chains (names, in order) live in
 * each host's selectors.ts; the readers implement each named strategy. A FactTrace, when given,
 * records which strategy answered each fact, so health() and the layout report can say so.
 */

/** What the readers look for, by name (the sidebar names a missing one in words). */
export type MailFact =
  | 'threadId'
  | 'subject'
  | 'messages'
  | 'body'
  | 'sender'
  | 'time'
  | 'text'
  | 'account'
  | 'rows'
  | 'rowThreadId'
  | 'rowSubject'
  | 'rowSender'
  | 'rowDate'
  | 'rowSnippet'
  | 'unread'
  | 'editor';

/** How one fact fared on a page. */
export interface FactStatus {
  /** Strategies that answered, in the order first used (per message or row facts can use several). */
  answeredBy: string[];
  /** Times the fact was found (once per message or row for those facts). */
  found: number;
  /** Times no strategy answered. */
  missing: number;
  /** The whole chain, in the order tried. */
  tried: readonly string[];
}

/** Records which strategy answered each fact while a reader runs. */
export class FactTrace {
  private readonly facts = new Map<string, { answered: string[]; found: number; missing: number; tried: readonly string[] }>();

  note(fact: MailFact, chain: readonly string[], strategy: string | undefined): void {
    let entry = this.facts.get(fact);
    if (!entry) {
      entry = { answered: [], found: 0, missing: 0, tried: chain };
      this.facts.set(fact, entry);
    }
    if (strategy === undefined) {
      entry.missing += 1;
      return;
    }
    entry.found += 1;
    if (!entry.answered.includes(strategy)) entry.answered.push(strategy);
  }

  /** Every fact seen so far with how it fared. */
  summary(): Partial<Record<MailFact, FactStatus>> {
    const out: Partial<Record<MailFact, FactStatus>> = {};
    for (const [fact, entry] of this.facts) {
      out[fact as MailFact] = { answeredBy: [...entry.answered], found: entry.found, missing: entry.missing, tried: entry.tried };
    }
    return out;
  }
}

/** A strategy's answer is usable when it is neither missing nor an empty text. */
function answered<V>(value: V | undefined | null): value is V {
  return value !== undefined && value !== null && value !== '';
}

/**
 * Runs a chain: each named strategy in order until one answers. Records the outcome in `trace`
 * under `fact`. `impls` holds one function per strategy name of the chain.
 */
export function firstAnswer<Name extends string, Ctx, Value>(
  fact: MailFact,
  chain: readonly Name[],
  impls: Record<Name, (ctx: Ctx) => Value | undefined | null>,
  ctx: Ctx,
  trace: FactTrace | undefined,
): { value: Value; by: Name } | undefined {
  for (const name of chain) {
    const value = impls[name](ctx);
    if (answered(value)) {
      trace?.note(fact, chain, name);
      return { value, by: name };
    }
  }
  trace?.note(fact, chain, undefined);
  return undefined;
}

/** Same as firstAnswer, returning the value only. */
export function firstValue<Name extends string, Ctx, Value>(
  fact: MailFact,
  chain: readonly Name[],
  impls: Record<Name, (ctx: Ctx) => Value | undefined | null>,
  ctx: Ctx,
  trace: FactTrace | undefined,
): Value | undefined {
  return firstAnswer(fact, chain, impls, ctx, trace)?.value;
}
