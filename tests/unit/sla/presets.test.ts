import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCalendar } from '../../../utils/calendar';
import { CATEGORIES } from '../../../utils/cases/events';
import { DEFAULT_CALENDAR, PRESETS, TARGET_NAMES, evaluate, presetById } from '../../../utils/sla';
import type { SlaPolicy, SlaTarget, TargetName } from '../../../utils/sla';

const SOP_DIR = '/work/shared/sop';
const DEFAULT_NOTE = '(not in the procedure: Caseline default)';

const target = (id: string, category: (typeof CATEGORIES)[number], name: TargetName) => (presetById(id) as SlaPolicy).targets[category][name] as SlaTarget;
const figure = (s: SlaTarget) => [s.amount, s.unit, s.clock];

describe('presets', () => {
  it('has one policy per procedure document', () => {
    const docs = readdirSync(SOP_DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, 3)).sort();
    expect(PRESETS.map((p) => p.id)).toEqual(docs.map((d) => `sop-${d}`));
    for (const p of PRESETS) expect(presetById(p.id)).toBe(p);
    expect(presetById('sop-999')).toBeUndefined();
  });

  it('uses a valid default calendar: Monday to Friday 09:00–17:00 in London', () => {
    expect(validateCalendar(DEFAULT_CALENDAR)).toEqual({ ok: true });
    expect(DEFAULT_CALENDAR.timeZone).toBe('Europe/London');
    expect(Object.keys(DEFAULT_CALENDAR.week)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    for (const p of PRESETS) {
      expect(validateCalendar(p.calendar)).toEqual({ ok: true });
      expect(p.dueSoonShare).toBeGreaterThan(0);
      expect(p.dueSoonShare).toBeLessThan(1);
    }
  });

  it('sets every target for every category, each with a sane figure', () => {
    for (const p of PRESETS) {
      for (const c of CATEGORIES) {
        for (const name of TARGET_NAMES) {
          const s = p.targets[c][name] as SlaTarget;
          expect(s, `${p.id} ${c} ${name}`).toBeDefined();
          expect(s.amount).toBeGreaterThan(0);
          expect(s.startOn.length).toBeGreaterThan(0);
          expect(s.metBy.length).toBeGreaterThan(0);
        }
        expect(p.targets[c].escalationUpdate?.startOn).toEqual(['escalated']);
        expect(p.targets[c].escalationUpdate?.metBy).toEqual(['escalation_updated']);
        expect(p.targets[c].followUp?.startOn).toEqual(['resolved']);
      }
    }
  });

  it('cites a real line of its procedure that holds the figure, or says it is a default', () => {
    for (const p of PRESETS) {
      const file = readdirSync(SOP_DIR).find((f) => f.startsWith(p.id.slice(4)));
      expect(file, p.id).toBeDefined();
      const lines = readFileSync(join(SOP_DIR, file as string), 'utf8').split('\n');
      for (const c of CATEGORIES) {
        for (const name of TARGET_NAMES) {
          const s = p.targets[c][name] as SlaTarget;
          expect(s.source.startsWith(`sop/${file}`), s.source).toBe(true);
          const m = /lines? (\d+)(?:–(\d+))?/.exec(s.source);
          expect(m, s.source).not.toBeNull();
          const from = Number(m?.[1]);
          const to = Number(m?.[2] ?? m?.[1]);
          expect(to).toBeLessThanOrEqual(lines.length);
          const cited = lines.slice(from - 1, to).join(' ');
          expect(cited.trim().length, s.source).toBeGreaterThan(0);
          if (!s.source.includes(DEFAULT_NOTE)) {
            expect(cited, `${p.id} ${c} ${name}: ${s.source}`).toContain(String(s.amount));
            expect(cited.toLowerCase().includes('business')).toBe(s.clock === 'business' && s.unit !== 'minutes');
          }
        }
      }
    }
  });

  it('000: acknowledge in 24 hours, answer inquiries in 3 business days, resolve complaints in 5 and support in 3', () => {
    expect(figure(target('sop-000', 'inquiry', 'acknowledge'))).toEqual([24, 'hours', 'calendar']);
    expect(figure(target('sop-000', 'complaint', 'acknowledge'))).toEqual([24, 'hours', 'calendar']);
    expect(figure(target('sop-000', 'inquiry', 'respond'))).toEqual([3, 'days', 'business']);
    expect(figure(target('sop-000', 'complaint', 'resolve'))).toEqual([5, 'days', 'business']);
    expect(figure(target('sop-000', 'support', 'resolve'))).toEqual([3, 'days', 'business']);
    expect(target('sop-000', 'support', 'acknowledge').source).toContain(DEFAULT_NOTE);
  });

  it('001: complaints resolved in 48 hours, follow-up in 48 hours, escalation updates every 24 hours', () => {
    expect(figure(target('sop-001', 'complaint', 'resolve'))).toEqual([48, 'hours', 'calendar']);
    for (const c of CATEGORIES) {
      expect(figure(target('sop-001', c, 'followUp'))).toEqual([48, 'hours', 'calendar']);
      expect(figure(target('sop-001', c, 'escalationUpdate'))).toEqual([24, 'hours', 'calendar']);
    }
    expect(target('sop-001', 'inquiry', 'resolve').source).toContain(DEFAULT_NOTE);
  });

  it('002: e-mail first response in 4 business hours, resolution in 2 business days, NPS', () => {
    for (const c of CATEGORIES) {
      expect(figure(target('sop-002', c, 'acknowledge'))).toEqual([4, 'hours', 'business']);
      expect(figure(target('sop-002', c, 'resolve'))).toEqual([2, 'days', 'business']);
    }
    expect(presetById('sop-002')?.usesNps).toBe(true);
    expect(PRESETS.filter((p) => p.usesNps).map((p) => p.id)).toEqual(['sop-002']);
  });

  it('003: calls and e-mails returned within 24–48 hours', () => {
    expect(figure(target('sop-003', 'inquiry', 'acknowledge'))).toEqual([24, 'hours', 'calendar']);
    expect(figure(target('sop-003', 'inquiry', 'respond'))).toEqual([48, 'hours', 'calendar']);
  });

  it('004: acknowledge in 15 minutes, resolve inquiries in 24 hours', () => {
    expect(figure(target('sop-004', 'inquiry', 'acknowledge'))).toEqual([15, 'minutes', 'business']);
    expect(figure(target('sop-004', 'inquiry', 'resolve'))).toEqual([24, 'hours', 'calendar']);
  });

  it('evaluates a fresh case under every preset', () => {
    const received = { id: 'e1', caseId: 'c', type: 'received', at: '2026-11-30T09:00:00.000Z', actor: 'customer', source: 'auto', data: {} } as const;
    for (const p of PRESETS) {
      const statuses = evaluate([received], p, new Date('2026-11-30T09:05:00Z'));
      expect(statuses.map((s) => s.target)).toEqual([...TARGET_NAMES]);
      expect(statuses.filter((s) => s.state === 'running' || s.state === 'due_soon').map((s) => s.target)).toEqual(['acknowledge', 'respond', 'resolve']);
    }
    // 004's 15 business minutes from Monday 09:00 end at 09:15.
    expect(evaluate([received], presetById('sop-004') as SlaPolicy, new Date('2026-11-30T09:05:00Z'))[0]?.dueAt).toBe('2026-11-30T09:15:00.000Z');
  });
});

describe('DEFAULT_CALENDAR', () => {
  it('is frozen so cached business-time data cannot go stale', () => {
    expect(Object.isFrozen(DEFAULT_CALENDAR)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CALENDAR.holidays)).toBe(true);
    expect(() => DEFAULT_CALENDAR.holidays.push('2026-12-25')).toThrow(TypeError);
  });
});
