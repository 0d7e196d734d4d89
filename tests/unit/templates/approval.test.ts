import { describe, expect, it } from 'vitest';
import { approve, canInsert, editTemplate, insertableTemplates, newDraft, retire, validateTemplate } from '../../../utils/templates';
import type { ApprovalResult, Template } from '../../../utils/templates';

const AT = '2026-11-27T10:00:00.000Z';
const draft = (over: Partial<Template> = {}): Template => ({
  ...newDraft({ id: 't1', name: 'Thanks', stage: 'closing', language: 'en', body: 'Hello {{customer.firstName}},\n\nThanks!\n{{agent.name}}', shortcut: 'thx' }, '2026-11-27T09:00:00.000Z'),
  ...over,
});
const codes = (r: ApprovalResult) => (r.ok ? [] : r.problems.map((p) => p.code));

describe('newDraft', () => {
  it('creates version 1 as a draft that cannot be inserted', () => {
    const t = draft();
    expect(t).toMatchObject({ id: 't1', version: 1, status: 'draft', categories: [], shortcut: 'thx' });
    expect(t.approvedBy).toBeUndefined();
    expect(canInsert(t)).toBe(false);
  });
});

describe('approve', () => {
  it('returns an approved copy stamped with who and when, leaving the draft untouched', () => {
    const t = draft();
    const r = approve(t, '  Lee Supervisor ', AT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.template).toMatchObject({ status: 'approved', approvedBy: 'Lee Supervisor', approvedAt: AT, updatedAt: AT, version: 1 });
    expect(canInsert(r.template)).toBe(true);
    expect(t.status).toBe('draft');
    expect(canInsert(t)).toBe(false);
  });

  it.each<[string, Partial<Template>, string]>([
    ['an empty name', { name: '  ' }, 'empty_name'],
    ['an empty body', { body: ' \n\n ' }, 'empty_body'],
    ['an unknown variable', { body: 'Hi {{customer.shoeSize}}' }, 'unknown_variable'],
    ['a javascript link', { body: 'Click [here](javascript:alert(1))' }, 'invalid_link'],
    ['a link with no text', { body: 'See [](https://x.example)' }, 'invalid_link'],
    ['a placeholder in a link address', { body: '[me](mailto:{{customer.email}})' }, 'placeholder_in_link_address'],
    ['an unclosed placeholder', { body: 'Hi {{customer.firstName' }, 'malformed_placeholder'],
    ['a placeholder with a bad name', { body: 'Hi {{customer first}}' }, 'malformed_placeholder'],
    ['two cursor markers', { body: '{{cursor}} and {{cursor}}' }, 'several_cursors'],
    ['a cursor inside a link', { body: '[a {{cursor}}](https://x.example)' }, 'cursor_in_link'],
    ['no stage', { stage: '' as Template['stage'] }, 'missing_stage'],
    ['an unknown language', { language: 'fr' as Template['language'] }, 'unknown_language'],
    ['an unknown category', { categories: ['billing' as Template['categories'][number]] }, 'unknown_category'],
    ['a bad shortcut', { shortcut: 'Two Words' }, 'invalid_shortcut'],
    ['a bad version', { version: 0 }, 'invalid_version'],
    ['an approved template', { status: 'approved' }, 'not_a_draft'],
    ['a retired template', { status: 'retired' }, 'not_a_draft'],
  ])('refuses %s', (_what, over, code) => {
    const r = approve(draft(over), 'Lee', AT);
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain(code);
    if (!r.ok) for (const p of r.problems) expect(p.message.length).toBeGreaterThan(5);
  });

  it('requires an approver and a valid time', () => {
    expect(codes(approve(draft(), ' ', AT))).toEqual(['missing_approver']);
    expect(codes(approve(draft(), 'Lee', 'yesterday'))).toEqual(['invalid_instant']);
  });

  it('lists every problem at once', () => {
    const r = approve(draft({ name: '', body: '{{nope}} [x](ftp://a.example)' }), '', 'x');
    expect(codes(r).sort()).toEqual(['empty_name', 'invalid_instant', 'invalid_link', 'missing_approver', 'unknown_variable']);
  });

  it('accepts links, known variables, a single cursor and a Spanish shortcut', () => {
    const t = draft({ body: 'Hola {{customer.firstName}}:\n\n[Guía](https://help.example) · [escríbanos](mailto:a@b.example)\n\n{{cursor}}', shortcut: 'valoración', language: 'es' });
    expect(validateTemplate(t)).toEqual([]);
  });
});

describe('editing and retiring', () => {
  const approved = (() => {
    const r = approve(draft({ categories: ['complaint'] }), 'Lee', AT);
    if (!r.ok) throw new Error('fixture');
    return r.template;
  })();

  it('edits a draft in place, keeping its version', () => {
    const d = draft();
    const e = editTemplate(d, { name: 'Thanks a lot' }, '2026-11-27T11:00:00.000Z');
    expect(e).toMatchObject({ name: 'Thanks a lot', version: 1, status: 'draft', updatedAt: '2026-11-27T11:00:00.000Z' });
    expect(d.name).toBe('Thanks');
  });

  it('turns an edit of an approved template into a new draft version without approval stamps', () => {
    const e = editTemplate(approved, { body: 'Hello again {{customer.firstName}}' }, '2026-11-28T08:00:00.000Z');
    expect(e).toMatchObject({ id: approved.id, version: 2, status: 'draft', body: 'Hello again {{customer.firstName}}', categories: ['complaint'] });
    expect(e.approvedBy).toBeUndefined();
    expect(e.approvedAt).toBeUndefined();
    expect(canInsert(e)).toBe(false);
    expect(approved.status).toBe('approved');
    expect(approved.version).toBe(1);
  });

  it('removes or changes the shortcut on request', () => {
    expect(editTemplate(draft(), { shortcut: null }, AT).shortcut).toBeUndefined();
    expect(editTemplate(draft(), { shortcut: 'ty' }, AT).shortcut).toBe('ty');
    expect('shortcut' in editTemplate(draft(), { shortcut: null }, AT)).toBe(false);
  });

  it('retires: no longer insertable, still on record', () => {
    const r = retire(approved, '2026-12-01T00:00:00.000Z');
    expect(r).toMatchObject({ status: 'retired', approvedBy: 'Lee', version: 1 });
    expect(canInsert(r)).toBe(false);
    const revived = editTemplate(r, { name: 'Back' }, AT);
    expect(revived).toMatchObject({ status: 'draft', version: 2 });
  });

  it('does not insert an "approved" template whose approval stamp is missing', () => {
    expect(canInsert({ ...approved, approvedBy: undefined })).toBe(false);
    expect(canInsert({ ...approved, approvedAt: 'never' })).toBe(false);
  });
});

describe('insertableTemplates', () => {
  const v1 = (() => {
    const r = approve(draft(), 'Lee', AT);
    if (!r.ok) throw new Error('fixture');
    return r.template;
  })();

  it('keeps the approved version in force while its edit is a draft', () => {
    const v2draft = editTemplate(v1, { name: 'New' }, AT);
    expect(insertableTemplates([v1, v2draft])).toEqual([v1]);
  });

  it('prefers the newest approved version', () => {
    const v2 = approve(editTemplate(v1, { name: 'New' }, AT), 'Kim', AT);
    if (!v2.ok) throw new Error('fixture');
    expect(insertableTemplates([v2.template, v1])).toEqual([v2.template]);
  });

  it('drops an id whose newest version is retired, and drafts altogether', () => {
    const v2 = approve(editTemplate(v1, { name: 'New' }, AT), 'Kim', AT);
    if (!v2.ok) throw new Error('fixture');
    const retired = retire(v2.template, AT);
    const other = draft({ id: 't2' });
    expect(insertableTemplates([v1, retired, other])).toEqual([]);
  });
});
