import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent, Category, Stage } from '../../../utils/cases/events';
import { STAGES } from '../../../utils/cases/events';
import { availableActions, decide, deriveCase, formatReference } from '../../../utils/cases/lifecycle';
import type { CaseCommand, CaseCommandType, CaseState, DecideContext } from '../../../utils/cases/lifecycle';

const CASE = 'gmail:thread-1';

function makeWorld(policy?: DecideContext['policy']) {
  let id = 0;
  const counters = new Map<string, number>();
  const issued: string[] = [];
  let events: CaseEvent[] = [];
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const ctx = (): DecideContext => ({
    agentId: 'agent-ann',
    now: new Date((clock += 60_000)).toISOString(),
    newId: () => `01EVENT${String(++id).padStart(19, '0')}`,
    nextReference: (kind) => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const ref = formatReference(kind, 'AB', n);
      issued.push(ref);
      return ref;
    },
    ...(policy ? { policy } : {}),
  });
  return {
    issued,
    get events() {
      return events;
    },
    set events(next: CaseEvent[]) {
      events = next;
    },
    state: () => deriveCase(events),
    receive(at = '2026-03-02T08:00:00.000Z', category?: Category) {
      events = [...events, { id: `01EVENT${String(++id).padStart(19, '0')}`, caseId: CASE, type: 'received', at, actor: 'customer', source: 'auto', data: { messageId: 'm1' } }];
      if (category) events = [...events, { id: `01EVENT${String(++id).padStart(19, '0')}`, caseId: CASE, type: 'category_set', at, actor: 'system', source: 'auto', data: { category, by: 'classifier', confidence: 0.9 } }];
    },
    /** Runs a command; returns the refusal text, or null when accepted (events appended). */
    run(command: CaseCommand): string | null {
      const decision = decide(deriveCase(events), command, ctx());
      if (!decision.ok) return decision.error;
      events = [...events, ...decision.events];
      return null;
    },
    must(command: CaseCommand) {
      const error = this.run(command);
      if (error !== null) throw new Error(`refused: ${error}`);
    },
  };
}

type World = ReturnType<typeof makeWorld>;

const VALID: Record<CaseCommandType, CaseCommand> = {
  acknowledge: { type: 'acknowledge' },
  respond: { type: 'respond' },
  awaitCustomer: { type: 'awaitCustomer', note: 'Asked for the order number' },
  escalate: { type: 'escalate', reason: 'Needs a refund above my limit', to: 'Billing team' },
  updateEscalation: { type: 'updateEscalation', note: 'Billing is on it' },
  resolve: { type: 'resolve', code: 'refunded', summary: 'Refunded the double charge' },
  followUp: { type: 'followUp', note: 'Checked the refund arrived' },
  close: { type: 'close', satisfied: true },
  reopen: { type: 'reopen', reason: 'Customer asked again' },
  setCategory: { type: 'setCategory', category: 'support' },
  recordOutcome: { type: 'recordOutcome', outcome: { csat: 4 } },
  logTemplate: { type: 'logTemplate', templateId: 'ack-complaint', templateVersion: 2 },
};

/** Brings a fresh world to a stage through valid commands. */
function worldAt(stage: Stage): World {
  const w = makeWorld();
  w.receive('2026-03-02T08:00:00.000Z', 'complaint');
  const path: Record<Stage, CaseCommand[]> = {
    received: [],
    acknowledged: [VALID.acknowledge],
    escalated: [VALID.acknowledge, VALID.escalate],
    resolved: [VALID.acknowledge, VALID.resolve],
    followed_up: [VALID.acknowledge, VALID.resolve, VALID.followUp],
    closed: [VALID.acknowledge, VALID.resolve, VALID.close],
  };
  for (const command of path[stage]) w.must(command);
  expect(w.state().stage).toBe(stage);
  return w;
}

describe('deriveCase', () => {
  it('has no case before any event', () => {
    const state = deriveCase([]);
    expect(state.stage).toBeNull();
    expect(state.eventCount).toBe(0);
  });

  it('records the times of each step from the events', () => {
    const w = worldAt('received');
    w.must({ type: 'respond' });
    w.must(VALID.resolve);
    w.must(VALID.followUp);
    w.must(VALID.close);
    const s = w.state();
    expect(s.firstInboundAt).toBe('2026-03-02T08:00:00.000Z');
    expect(s.acknowledgedAt).toBe(s.firstResponseAt);
    expect(s.resolvedAt).toBeDefined();
    expect(s.closedAt).toBeDefined();
    expect(s.followUps).toBe(1);
    expect(s.closure).toEqual({ satisfied: true });
    expect(s.category).toBe('complaint');
    expect(s.categoryBy).toBe('classifier');
  });
});

describe('decide: every command from every stage', () => {
  for (const stage of STAGES) {
    for (const type of Object.keys(VALID) as CaseCommandType[]) {
      const offered = () => availableActions(worldAt(stage).state()).includes(type);
      it(`${type} from ${stage} is ${offered() ? 'accepted' : 'refused with a sentence'}`, () => {
        const w = worldAt(stage);
        const before = w.events.length;
        const error = w.run(VALID[type]);
        if (offered()) {
          expect(error).toBeNull();
          expect(w.events.length).toBeGreaterThan(before);
        } else {
          expect(error).toMatch(/^[A-Z].*[.]$/);
          expect(w.events.length).toBe(before);
        }
      });
    }
  }

  it('offers nothing before the case exists and refuses every command', () => {
    const w = makeWorld();
    expect(availableActions(w.state())).toEqual([]);
    for (const command of Object.values(VALID)) expect(w.run(command)).toMatch(/no case/);
  });
});

describe('who, when and why', () => {
  it('stamps each event with the agent, the time of the action and the reason', () => {
    const w = worldAt('acknowledged');
    w.must(VALID.escalate);
    const last = w.events.at(-1)!;
    expect(last).toMatchObject({ type: 'escalated', actor: 'agent-ann', source: 'agent', caseId: CASE, data: { reason: 'Needs a refund above my limit', to: 'Billing team' } });
    expect(Date.parse(last.at)).not.toBeNaN();
    expect(w.state().escalation).toMatchObject({ to: 'Billing team', by: 'agent-ann' });
  });
});

describe('references', () => {
  it('gives a complaint a CMP reference at acknowledgement', () => {
    const w = worldAt('acknowledged');
    expect(w.state().reference).toBe('CMP-AB-0001');
    expect(w.events.find((e) => e.type === 'acknowledged')!.data).toEqual({ reference: 'CMP-AB-0001' });
  });

  it('gives a support request a ticket number, an inquiry none', () => {
    const support = makeWorld();
    support.receive(undefined, 'support');
    support.must({ type: 'acknowledge' });
    expect(support.state().reference).toBe('TKT-AB-0001');
    const inquiry = makeWorld();
    inquiry.receive(undefined, 'inquiry');
    inquiry.must({ type: 'respond' });
    expect(inquiry.state().reference).toBeUndefined();
    expect(inquiry.issued).toEqual([]);
  });

  it('issues a number when an acknowledged case is re-categorised as a complaint, once', () => {
    const w = makeWorld();
    w.receive(undefined, 'inquiry');
    w.must({ type: 'acknowledge' });
    w.must({ type: 'setCategory', category: 'complaint' });
    expect(w.state().reference).toBe('CMP-AB-0001');
    expect(w.state().stage).toBe('acknowledged');
    w.must({ type: 'setCategory', category: 'support' });
    expect(w.state().reference).toBe('CMP-AB-0001');
    expect(w.issued).toEqual(['CMP-AB-0001']);
  });

  it('keeps the reference through escalation, resolution and reopening', () => {
    const w = worldAt('closed');
    w.must(VALID.reopen);
    w.must(VALID.escalate);
    expect(w.state().reference).toBe('CMP-AB-0001');
  });

  it('never issues a number for a refused command', () => {
    const w = worldAt('acknowledged');
    expect(w.run({ type: 'acknowledge' })).not.toBeNull();
    expect(w.issued).toEqual(['CMP-AB-0001']);
  });

  it('formats numbers with at least four digits and checks the prefix', () => {
    expect(formatReference('complaint', 'ab', 42)).toBe('CMP-AB-0042');
    expect(formatReference('support', 'X9', 12345)).toBe('TKT-X9-12345');
    expect(() => formatReference('support', 'A B', 1)).toThrow(/prefix/);
    expect(() => formatReference('support', '', 1)).toThrow(/prefix/);
  });
});

describe('escalation rules', () => {
  it('needs a reason and to whom', () => {
    const w = worldAt('acknowledged');
    expect(w.run({ type: 'escalate', reason: '  ', to: 'Billing' })).toMatch(/reason/);
    expect(w.run({ type: 'escalate', reason: 'Legal question', to: '' })).toMatch(/to whom/);
    expect(w.run({ type: 'escalate', reason: 'x'.repeat(501), to: 'Legal' })).toMatch(/500 characters/);
    expect(w.state().stage).toBe('acknowledged');
  });

  it('refuses a second escalation and names who has it', () => {
    const w = worldAt('escalated');
    expect(w.run(VALID.escalate)).toMatch(/already escalated to Billing team/);
    w.must({ type: 'updateEscalation' });
    expect(w.state().escalation?.updates).toBe(1);
  });

  it('clears the open escalation on resolution', () => {
    const w = worldAt('escalated');
    w.must(VALID.resolve);
    expect(w.state().escalation).toBeUndefined();
  });
});

describe('resolution', () => {
  it('needs a code from the list and a summary of at most 500 characters', () => {
    const w = worldAt('acknowledged');
    expect(w.run({ type: 'resolve', code: 'magic' as never, summary: 'Done' })).toMatch(/resolution code/);
    expect(w.run({ type: 'resolve', code: 'fixed', summary: '   ' })).toMatch(/summary/);
    expect(w.run({ type: 'resolve', code: 'fixed', summary: 'y'.repeat(501) })).toMatch(/500/);
    w.must({ type: 'resolve', code: 'fixed', summary: '  Reset the password  ' });
    expect(w.state().resolution).toEqual({ code: 'fixed', summary: 'Reset the password' });
  });
});

describe('closing', () => {
  it('closes at once when the customer confirmed satisfaction', () => {
    const w = worldAt('resolved');
    w.must({ type: 'close', satisfied: true });
    expect(w.state()).toMatchObject({ stage: 'closed', closure: { satisfied: true } });
  });

  it('without confirmation needs a reason', () => {
    const w = worldAt('followed_up');
    w.must(VALID.followUp);
    expect(w.run({ type: 'close', satisfied: false, reason: ' ' })).toMatch(/needs a reason/);
  });

  it('without confirmation needs the follow-ups the policy asks for', () => {
    const w = worldAt('resolved');
    const close: CaseCommand = { type: 'close', satisfied: false, reason: 'No answer after 2 follow-ups' };
    expect(w.run(close)).toBe("Without the customer's confirmation, the policy asks for 2 follow-ups before closing; none has been sent.");
    w.must(VALID.followUp);
    expect(w.run(close)).toMatch(/1 follow-up has been sent/);
    w.must(VALID.followUp);
    expect(w.run(close)).toBeNull();
    expect(w.state().closure).toEqual({ satisfied: false, reason: 'No answer after 2 follow-ups' });
  });

  it('follows the policy count', () => {
    const w = makeWorld({ followUpsBeforeClose: 0 });
    w.receive();
    w.must(VALID.acknowledge);
    w.must(VALID.resolve);
    expect(w.run({ type: 'close', satisfied: false, reason: 'Customer unreachable' })).toBeNull();
  });

  it('refuses to close a case that is not resolved', () => {
    const w = worldAt('escalated');
    expect(w.run({ type: 'close', satisfied: true })).toBe('This case is escalated: resolve it before closing it.');
  });
});

describe('reopening', () => {
  it('reopens a closed case, counts it and starts the follow-ups again', () => {
    const w = worldAt('resolved');
    w.must(VALID.followUp);
    w.must(VALID.close);
    w.must({ type: 'reopen', reason: 'The refund bounced' });
    const s = w.state();
    expect(s).toMatchObject({ stage: 'acknowledged', reopenCount: 1, followUps: 0 });
    expect(s.closedAt).toBeUndefined();
    expect(s.resolvedAt).toBeUndefined();
    expect(w.events.at(-1)!.data).toEqual({ reason: 'The refund bounced' });
    w.must(VALID.resolve);
    w.must(VALID.close);
    w.must(VALID.reopen);
    expect(w.state().reopenCount).toBe(2);
  });

  it('refuses to reopen an open case', () => {
    expect(worldAt('acknowledged').run(VALID.reopen)).toMatch(/only a resolved or closed case/);
  });
});

describe('waiting on the customer', () => {
  it('pauses once, and a customer reply resumes', () => {
    const w = worldAt('acknowledged');
    w.must(VALID.awaitCustomer);
    expect(w.state().waitingOnCustomer).toBe(true);
    expect(w.run(VALID.awaitCustomer)).toMatch(/already waiting/);
    expect(availableActions(w.state())).not.toContain('awaitCustomer');
    w.events = [...w.events, { id: '01EVENT9999999999999999999', caseId: CASE, type: 'customer_replied', at: '2026-03-03T08:00:00.000Z', actor: 'customer', source: 'auto', data: {} }];
    expect(w.state()).toMatchObject({ waitingOnCustomer: false, lastCustomerMessageAt: '2026-03-03T08:00:00.000Z' });
  });
});

describe('category and outcome', () => {
  it('records an agent override and refuses a repeat', () => {
    const w = worldAt('acknowledged');
    w.must({ type: 'setCategory', category: 'complaint' });
    expect(w.state().categoryBy).toBe('agent');
    expect(w.run({ type: 'setCategory', category: 'complaint' })).toMatch(/already marked as complaint/);
    expect(w.run({ type: 'setCategory', category: 'spam' as never })).toMatch(/inquiry, complaint or support/);
  });

  it('validates the outcome and merges answers recorded at different times', () => {
    const w = worldAt('resolved');
    expect(w.run({ type: 'recordOutcome', outcome: { csat: 6 } })).toMatch(/1 to 5/);
    expect(w.run({ type: 'recordOutcome', outcome: { nps: 9 } })).toMatch(/does not ask for a recommendation score/);
    expect(w.run({ type: 'recordOutcome', outcome: {} })).toMatch(/at least one field/);
    w.must({ type: 'recordOutcome', outcome: { code: 'refunded', csat: 4 } });
    w.must({ type: 'recordOutcome', outcome: { feedback: 'Wants faster refunds', followUpOn: '2026-03-10' } });
    expect(w.state().outcome).toEqual({ code: 'refunded', csat: 4, feedback: 'Wants faster refunds', followUpOn: '2026-03-10' });
  });

  it('accepts NPS when the policy uses it', () => {
    const w = makeWorld({ usesNps: true });
    w.receive();
    w.must(VALID.acknowledge);
    w.must(VALID.resolve);
    w.must({ type: 'recordOutcome', outcome: { nps: 9 } });
    expect(w.state().outcome?.nps).toBe(9);
  });

  it('logs template insertions once per template', () => {
    const w = worldAt('acknowledged');
    w.must(VALID.logTemplate);
    w.must(VALID.logTemplate);
    expect(w.state().templatesUsed).toEqual(['ack-complaint']);
    expect(w.run({ type: 'logTemplate', templateId: '' })).toMatch(/template id/);
  });
});

describe('properties over random sequences of commands', () => {
  it('accepts exactly the offered actions, keeps a valid stage and unique references', () => {
    const commandArb = fc.constantFrom(...(Object.keys(VALID) as CaseCommandType[]));
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 40 }), fc.constantFrom<Category>('complaint', 'support', 'inquiry'), (types, category) => {
        const w = makeWorld();
        w.receive(undefined, category);
        for (const type of types) {
          const state: CaseState = w.state();
          const offered = availableActions(state).includes(type);
          let command = VALID[type];
          if (type === 'setCategory') command = { type: 'setCategory', category: state.category === 'support' ? 'complaint' : 'support' };
          const error = w.run(command);
          expect(error === null).toBe(offered);
          expect(STAGES).toContain(w.state().stage);
        }
        expect(new Set(w.issued).size).toBe(w.issued.length);
        expect(w.issued.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
