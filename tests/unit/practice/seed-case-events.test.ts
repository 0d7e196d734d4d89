import { describe, expect, it } from 'vitest';
import { parseCaseEvent } from '../../../utils/cases/event-schema';
import { deriveCase } from '../../../utils/cases/lifecycle';
import { SAMPLE_THREADS } from '../../../utils/practice/sample-threads';
import { seedCaseEvents } from '../../../utils/practice/seed-case-events';
import type { PracticeThread, SlaSituation } from '../../../utils/practice/types';
import { evaluate, PRESETS, type TargetState } from '../../../utils/sla';

const NOW = new Date('2026-11-27T19:30:00.000Z');

function situationHolds(situation: SlaSituation, states: TargetState[]): boolean {
  switch (situation) {
    case 'breached':
      return states.includes('breached');
    case 'due_soon':
      return states.includes('due_soon') && !states.includes('breached');
    case 'fresh':
      return !states.includes('due_soon') && !states.includes('breached');
    case 'waiting_on_customer':
      return states.includes('paused') && !states.includes('breached');
    case 'answered':
      return !states.includes('breached');
  }
}

function byId(id: string): PracticeThread {
  const thread = SAMPLE_THREADS.find((t) => t.id === id);
  if (!thread) throw new Error(id);
  return thread;
}

describe('seedCaseEvents', () => {
  it('gives every thread a valid log whose stage is the expected one', () => {
    for (const thread of SAMPLE_THREADS) {
      const events = seedCaseEvents(thread, NOW, { withCategory: true });
      for (const event of events) expect(parseCaseEvent(event), `${thread.id} ${event.type}`).toMatchObject({ ok: true });
      const state = deriveCase(events);
      expect(state.stage, thread.id).toBe(thread.expected.stage);
      expect(state.category, thread.id).toBe(thread.expected.category);
      expect(state.firstInboundAt, thread.id).toBe(new Date(NOW.getTime() - thread.messages[0]!.minutesAgo * 60_000).toISOString());
      expect(state.waitingOnCustomer, thread.id).toBe(thread.expected.slaSituation === 'waiting_on_customer');
      expect(state.reference, thread.id).toBe(thread.reference);
    }
  });

  it('quotes each thread\'s reference in the agent\'s reply, in the product\'s format', () => {
    for (const thread of SAMPLE_THREADS) {
      const replies = thread.messages.filter((m) => m.direction === 'outbound');
      for (const message of thread.messages) if (message.direction === 'inbound') expect(message.agentActions, thread.id).toBeUndefined();
      if (replies.length === 0 || thread.expected.category === 'inquiry') {
        expect(thread.reference, thread.id).toBeUndefined();
        continue;
      }
      const prefix = thread.expected.category === 'complaint' ? 'CMP' : 'TKT';
      expect(thread.reference, thread.id).toMatch(new RegExp(`^${prefix}-NW-\\d{4}$`));
      expect(replies[0]!.text, thread.id).toContain(thread.reference!);
    }
  });

  it('records what the agent did: waiting, resolution, escalation', () => {
    const types = (id: string) => seedCaseEvents(byId(id), NOW).map((e) => e.type);
    expect(types('p05-app-login-loop')).toEqual(['received', 'acknowledged', 'responded', 'awaiting_customer']);
    expect(types('p06-card-double-charge')).toEqual(['received', 'acknowledged', 'responded', 'resolved']);
    expect(types('p13-thermostat-wifi-thanks')).toEqual(['received', 'acknowledged', 'responded', 'customer_replied']);
    const escalation = seedCaseEvents(byId('p15-meter-install-damage'), NOW).find((e) => e.type === 'escalated');
    expect(escalation).toMatchObject({ source: 'agent', actor: 'sam@northwind.example', at: '2026-11-27T04:30:00.000Z' });
    expect(escalation?.data).toMatchObject({ to: 'Hannah Okoro, installations manager' });
  });

  it('leaves the category to the classifier unless asked', () => {
    for (const thread of SAMPLE_THREADS) {
      expect(seedCaseEvents(thread, NOW).some((e) => e.type === 'category_set'), thread.id).toBe(false);
    }
  });

  it('gives stable, unique ids by default and uses the ones it is given', () => {
    const thread = byId('p15-meter-install-damage');
    const first = seedCaseEvents(thread, NOW, { withCategory: true }).map((e) => e.id);
    expect(new Set(first).size).toBe(first.length);
    expect(seedCaseEvents(thread, NOW, { withCategory: true }).map((e) => e.id)).toEqual(first);
    expect(first[0]).toBe('outlook:p15-meter-install-damage#001');
    let n = 0;
    expect(seedCaseEvents(thread, NOW, { newId: () => `id-${++n}` }).map((e) => e.id)).toEqual(['id-1', 'id-2', 'id-3', 'id-4']);
  });
});

// The SLA situations the practice set claims must be what the SLA engine shows under the 000
// preset, whatever the weekday and hour the demo is built at.
describe('SLA situations under the procedure 000 preset', () => {
  const sop000 = PRESETS.find((p) => p.id === 'sop-000');

  it('hold at every hour of a fortnight', () => {
    expect(sop000).toBeDefined();
    const start = Date.parse('2026-01-05T00:07:00Z');
    const failures: string[] = [];
    for (let hour = 0; hour < 14 * 24; hour += 1) {
      const now = new Date(start + hour * 3_600_000);
      for (const thread of SAMPLE_THREADS) {
        const statuses = evaluate(seedCaseEvents(thread, now, { withCategory: true }), sop000!, now);
        const states = statuses.map((s) => s.state);
        if (!situationHolds(thread.expected.slaSituation, states)) {
          failures.push(`${now.toISOString()} ${thread.id} ${thread.expected.slaSituation}: ${statuses.map((s) => `${s.target}=${s.state}`).join(' ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('breach the breached thread under every preset', () => {
    const thread = SAMPLE_THREADS.find((t) => t.expected.slaSituation === 'breached')!;
    for (const preset of PRESETS) {
      const states = evaluate(seedCaseEvents(thread, NOW, { withCategory: true }), preset, NOW).map((s) => s.state);
      expect(states, preset.id).toContain('breached');
    }
  });
});
