import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TemplateDoc, TemplatePublication } from '../../../utils/cases/team-docs';
import { teamLibrary } from '../../../utils/templates/team-library';

let n = 0;
function pub(p: Partial<TemplatePublication> & { templateId: string; version: number; status: 'approved' | 'withdrawn'; at: string }, author = 'lea'): TemplateDoc {
  const body = p.status === 'approved'
    ? { name: `T ${p.templateId}`, stage: 'greeting', language: 'en', categories: [], body: 'Hello {{customer.firstName}}', approvedBy: 'Lea', approvedAt: p.at, ...p }
    : p;
  return { _id: `tp:${author}:${String(++n).padStart(4, '0')}`, type: 'template', author, agentId: author, createdAt: p.at, template: body as TemplatePublication };
}

describe('the team library from publications', () => {
  it('the newest publication of each template decides, whatever order they arrive in', () => {
    const docs = [
      pub({ templateId: 'a', version: 1, status: 'approved', at: '2026-03-01T09:00:00Z' }),
      pub({ templateId: 'a', version: 2, status: 'approved', at: '2026-03-02T09:00:00Z', body: 'Second' }),
      pub({ templateId: 'b', version: 1, status: 'approved', at: '2026-03-01T09:00:00Z' }),
      pub({ templateId: 'b', version: 1, status: 'withdrawn', at: '2026-03-03T09:00:00Z' }),
      pub({ templateId: 'c', version: 3, status: 'withdrawn', at: '2026-03-01T09:00:00Z' }),
      pub({ templateId: 'c', version: 4, status: 'approved', at: '2026-03-04T09:00:00Z' }),
    ];
    const expected = teamLibrary(docs);
    expect(expected.templates.map((t) => [t.template.id, t.template.version])).toEqual([['a', 2], ['c', 4]]);
    expect(expected.withdrawn.map((w) => [w.templateId, w.version, w.name])).toEqual([['b', 1, 'T b']]);
    expect(expected.lastChange).toEqual({ by: 'lea', at: '2026-03-04T09:00:00Z' });
    fc.assert(
      fc.property(fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), (shuffled) => {
        expect(teamLibrary(shuffled)).toEqual(expected);
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('a publication that is not a valid template is ignored and reported; the one before it stays', () => {
    const good = pub({ templateId: 'a', version: 1, status: 'approved', at: '2026-03-01T09:00:00Z' });
    const broken = pub({ templateId: 'a', version: 2, status: 'approved', at: '2026-03-02T09:00:00Z', body: 'Hi {{not.a.variable}}' });
    const unapproved = pub({ templateId: 'b', version: 1, status: 'approved', at: '2026-03-02T09:00:00Z', approvedBy: undefined });
    const lib = teamLibrary([good, broken, unapproved]);
    expect(lib.templates.map((t) => [t.template.id, t.template.version])).toEqual([['a', 1]]);
    expect(lib.invalid.map((i) => i.id)).toEqual([broken._id, unapproved._id]);
    expect(lib.invalid[0]!.reason).toContain('Unknown variable');
  });

  it('nothing published: an empty library that says so', () => {
    expect(teamLibrary([])).toEqual({ templates: [], withdrawn: [], invalid: [], publications: 0 });
  });
});
