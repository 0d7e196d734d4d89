import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, MAX_BODY_LENGTH, canInsert, exportTemplates, importTemplates, newDraft } from '../../../utils/templates';
import type { Template } from '../../../utils/templates';

const AT = '2026-11-27T10:00:00.000Z';
const fileWith = (templates: unknown[], over: Record<string, unknown> = {}) => JSON.stringify({ format: 'caseline-templates', version: 1, templates, ...over });
const valid = (): Template => newDraft({ id: 'mine', name: 'Mine', stage: 'closing', language: 'en', body: 'Bye {{customer.firstName}}', shortcut: 'bye' }, AT);
const errorsOf = (json: string) => {
  const r = importTemplates(json);
  if (r.ok) throw new Error('expected a failed import');
  return r.errors;
};

describe('exportTemplates', () => {
  it('writes the versioned envelope with every field', () => {
    const doc = JSON.parse(exportTemplates(DEFAULT_TEMPLATES.slice(0, 2))) as { format: string; version: number; templates: Template[] };
    expect(doc.format).toBe('caseline-templates');
    expect(doc.version).toBe(1);
    expect(doc.templates).toEqual(DEFAULT_TEMPLATES.slice(0, 2));
  });

  it('drops fields that are not part of a template', () => {
    const t = { ...valid(), secret: 'x' } as Template;
    expect(exportTemplates([t])).not.toContain('secret');
  });
});

describe('importTemplates', () => {
  it('round-trips the whole library, arriving as drafts without approval stamps', () => {
    const r = importTemplates(exportTemplates(DEFAULT_TEMPLATES));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.templates).toHaveLength(DEFAULT_TEMPLATES.length);
    r.templates.forEach((t, i) => {
      const { status: _s, approvedBy: _b, approvedAt: _a, ...rest } = DEFAULT_TEMPLATES[i]!;
      expect(t).toEqual({ ...rest, status: 'draft' });
      expect(canInsert(t)).toBe(false);
    });
  });

  it('approves on the way in when the importer approves, every template passing approval', () => {
    const r = importTemplates(exportTemplates(DEFAULT_TEMPLATES), { approveAs: { by: 'Lee', at: AT } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.templates.every((t) => t.status === 'approved' && t.approvedBy === 'Lee' && t.approvedAt === AT && canInsert(t))).toBe(true);
  });

  it('refuses to approve on import what approval would refuse, naming the template', () => {
    const bad = { ...valid(), id: 'bad', body: 'Hi {{customer.shoeSize}}' };
    const r = importTemplates(fileWith([valid(), bad]), { approveAs: { by: 'Lee', at: AT } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ index: 1, message: 'body: Unknown variable {{customer.shoeSize}}' }]);
  });

  it('imports a draft with problems as a draft (approval will catch them later)', () => {
    const r = importTemplates(fileWith([{ ...valid(), body: 'Hi {{unknown.thing}}' }]));
    expect(r.ok).toBe(true);
  });

  it('strips unknown fields and tolerates a missing shortcut', () => {
    const { shortcut: _s, ...noShortcut } = valid();
    const r = importTemplates(fileWith([{ ...noShortcut, extra: '<script>' }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.templates[0]).not.toHaveProperty('extra');
    expect(r.templates[0]).not.toHaveProperty('shortcut');
  });

  it('reports a file that is not JSON', () => {
    const errors = errorsOf('{ not json');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.index).toBe(-1);
    expect(errors[0]?.message).toMatch(/^not valid JSON/);
  });

  it.each([
    ['another format', fileWith([], { format: 'something-else' }), /not a Caseline templates file/],
    ['a future version', fileWith([], { version: 2 }), /unsupported version/],
    ['no template list', JSON.stringify({ format: 'caseline-templates', version: 1, templates: {} }), /templates must be a list/],
    ['a bare array', JSON.stringify([valid()]), /./],
    ['null', 'null', /./],
  ])('reports %s for the file as a whole', (_what, json, message) => {
    const errors = errorsOf(json);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.index === -1)).toBe(true);
    expect(errors.map((e) => e.message).join(' ')).toMatch(message);
  });

  it('reports each bad template with its index and the field at fault', () => {
    const errors = errorsOf(
      fileWith([
        valid(),
        { ...valid(), id: 'two', stage: 'gossip' },
        { ...valid(), id: 'three', language: 'fr', version: 1.5 },
        { ...valid(), id: 'four', categories: ['billing'] },
        { ...valid(), id: 'five', updatedAt: 'last tuesday' },
        { ...valid(), id: '  ' },
        'not an object',
        { ...valid(), id: 'seven', body: 'x'.repeat(MAX_BODY_LENGTH + 1) },
      ]),
    );
    const at = (i: number) => errors.filter((e) => e.index === i).map((e) => e.message);
    expect(at(0)).toEqual([]);
    expect(at(1).join()).toMatch(/^stage: must be one of greeting/);
    expect(at(2).join(' | ')).toMatch(/version: must be a whole number/);
    expect(at(2).join(' | ')).toMatch(/language: must be one of en, es/);
    expect(at(3).join()).toMatch(/^categories\.0: must be one of inquiry, complaint, support/);
    expect(at(4).join()).toMatch(/^updatedAt: must be an ISO date and time/);
    expect(at(5).join()).toMatch(/^id: must not be empty/);
    expect(at(6)).toHaveLength(1);
    expect(at(7).join()).toMatch(/^body: must be at most/);
  });

  it('reports the same id and version twice', () => {
    const errors = errorsOf(fileWith([valid(), { ...valid(), name: 'Copy' }]));
    expect(errors).toEqual([{ index: 1, message: 'id: "mine" version 1 already appears at index 0' }]);
  });

  it('accepts two versions of one id', () => {
    const r = importTemplates(fileWith([valid(), { ...valid(), version: 2 }]));
    expect(r.ok && r.templates.map((t) => t.version)).toEqual([1, 2]);
  });
});
