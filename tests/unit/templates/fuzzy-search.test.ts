import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_TEMPLATES, foldForSearch, fuzzySearch, newDraft, warmFuzzySearch } from '../../../utils/templates';
import type { Template, TemplateStage } from '../../../utils/templates';

const AT = '2026-11-27T10:00:00.000Z';
let n = 0;
const tpl = (name: string, over: Partial<Template> = {}): Template => ({
  ...newDraft({ id: `t${++n}`, name, stage: 'status_update', language: 'en', body: 'Hi' }, AT),
  status: 'approved',
  approvedBy: 'Lee',
  approvedAt: AT,
  ...over,
});
const names = (rs: ReturnType<typeof fuzzySearch>) => rs.map((r) => r.template.name);

describe('fuzzySearch ranking', () => {
  it('prefers matches at word starts over scattered ones', () => {
    const ts = [tpl('Recap of outstanding steps'), tpl('Refund status'), tpl('Resolution summary')];
    expect(names(fuzzySearch(ts, 'rs'))[0]).toBe('Refund status');
  });

  it('prefers consecutive characters', () => {
    const ts = [tpl('Escalation tracker'), tpl('Status of the case')];
    expect(names(fuzzySearch(ts, 'stat'))[0]).toBe('Status of the case');
  });

  it('prefers a prefix to a match in the middle', () => {
    const ts = [tpl('Late delivery apology'), tpl('Apology for delay')];
    expect(names(fuzzySearch(ts, 'apol'))[0]).toBe('Apology for delay');
  });

  it('puts the template whose shortcut is typed exactly first', () => {
    const ts = [tpl('Acknowledgement of receipt', { shortcut: 'ack' }), tpl('Acknowledge complaint quickly'), tpl('Back in stock')];
    const rs = fuzzySearch(ts, 'ack');
    expect(rs[0]?.template.shortcut).toBe('ack');
    expect(rs[0]?.field).toBe('shortcut');
    expect(rs[0]?.matches).toEqual([]);
  });

  it('finds a template by its stage', () => {
    const ts = [tpl('Sorry for the wait', { stage: 'complaint_apology' as TemplateStage }), tpl('Weekly digest')];
    const rs = fuzzySearch(ts, 'complaint');
    expect(names(rs)).toEqual(['Sorry for the wait']);
    expect(rs[0]?.field).toBe('stage');
  });

  it('ignores case, spaces and accents', () => {
    const rs = fuzzySearch(DEFAULT_TEMPLATES, 'RECLAMACION');
    expect(rs[0]?.template.id).toBe('default-complaint-apology-es');
    expect(fuzzySearch(DEFAULT_TEMPLATES, 'comp apol')[0]?.template.id).toBe('default-complaint-apology-en');
  });

  it('leaves out templates that do not contain the query in order', () => {
    expect(fuzzySearch([tpl('Status update')], 'dpu')).toEqual([]);
    expect(fuzzySearch([tpl('Status update')], 'zz')).toEqual([]);
  });

  it('gives the matched name indices for highlighting', () => {
    const rs = fuzzySearch([tpl('Support ticket confirmation')], 'stc');
    expect(rs[0]?.field).toBe('name');
    expect(rs[0]?.matches).toEqual([0, 8, 15]);
  });

  it('finds the default library by its palette words', () => {
    expect(fuzzySearch(DEFAULT_TEMPLATES, 'esc')[0]?.template.id).toBe('default-escalation-notice-en');
    expect(fuzzySearch(DEFAULT_TEMPLATES, 'nps').map((r) => r.template.stage).slice(0, 2)).toEqual(['satisfaction_check', 'satisfaction_check']);
    expect(fuzzySearch(DEFAULT_TEMPLATES, 'ticket')[0]?.template.id).toBe('default-support-ticket-en');
  });
});

describe('fuzzySearch scope', () => {
  it('lists everything insertable by name for an empty query', () => {
    const rs = fuzzySearch([tpl('B'), tpl('A'), tpl('C', { status: 'draft' })], '  ');
    expect(names(rs)).toEqual(['A', 'B']);
    expect(rs.every((r) => r.score === 0)).toBe(true);
  });

  it('searches only approved templates unless asked', () => {
    const ts = [tpl('Draft reply', { status: 'draft', approvedBy: undefined, approvedAt: undefined }), tpl('Old reply', { status: 'retired' })];
    expect(fuzzySearch(ts, 'reply')).toEqual([]);
    expect(names(fuzzySearch(ts, 'reply', { includeUnapproved: true })).sort()).toEqual(['Draft reply', 'Old reply']);
  });

  it('honours a limit', () => {
    expect(fuzzySearch(DEFAULT_TEMPLATES, 'e', { limit: 3 })).toHaveLength(3);
    expect(fuzzySearch(DEFAULT_TEMPLATES, 'e', { limit: 0 })).toEqual([]);
  });

  it('gives the same results after warming', () => {
    const ts = DEFAULT_TEMPLATES.map((t) => ({ ...t }));
    const before = fuzzySearch(ts, 'seg').map((r) => [r.template.id, r.score]);
    warmFuzzySearch(ts);
    expect(fuzzySearch(ts, 'seg').map((r) => [r.template.id, r.score])).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });

  it('re-scores a template whose name changed in place', () => {
    const t = tpl('Alpha');
    warmFuzzySearch([t]);
    expect(fuzzySearch([t], 'alp')).toHaveLength(1);
    t.name = 'Omega';
    expect(fuzzySearch([t], 'alp')).toHaveLength(0);
    expect(fuzzySearch([t], 'ome')).toHaveLength(1);
  });
});

describe('fuzzySearch properties', () => {
  it('the highlighted characters spell the query, in increasing positions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 8 }),
        fc.string({ minLength: 1, maxLength: 6 }),
        (namesIn, query) => {
          const ts = namesIn.map((name) => tpl(name));
          const q = foldForSearch(query.replace(/\s+/g, ''));
          for (const r of fuzzySearch(ts, query)) {
            if (r.field !== 'name') continue;
            const folded = foldForSearch(r.template.name);
            expect(r.matches.map((i) => folded.charAt(i)).join('')).toBe(q);
            for (let i = 1; i < r.matches.length; i++) expect(r.matches[i]!).toBeGreaterThan(r.matches[i - 1]!);
          }
        },
      ),
    );
  });

  it('a name always finds itself, and a substring of a name finds it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/), fc.nat(), (name, cut) => {
        const t = tpl(name);
        expect(fuzzySearch([t], name)).toHaveLength(1);
        const start = cut % name.length;
        const piece = name.slice(start, start + 3);
        if (piece.trim() !== '') expect(fuzzySearch([t], piece)).toHaveLength(1);
      }),
    );
  });
});
