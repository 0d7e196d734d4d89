import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideOwnership, describeOverride, foldOwnership, type OwnershipChange } from '../../../utils/shared-inbox/ownership';

const T = 'a'.repeat(64);
let n = 0;
const change = (type: OwnershipChange['type'], at: string, by: string, owner?: string, id = `01J${String(++n).padStart(23, '0')}`): OwnershipChange => ({
  id,
  thread: T,
  type,
  at: `2026-03-02T${at}:00.000Z`,
  by,
  ...(owner ? { owner } : {}),
});
const names = { nameOf: (h: string) => ({ ana: 'Ana', bob: 'Bob', lea: 'Lea' })[h] ?? h, isMember: (h: string) => ['ana', 'bob', 'lea', 'cara'].includes(h) };

describe('ownership fold', () => {
  it('nobody owns a case without changes', () => {
    const s = foldOwnership([]);
    expect(s.owner).toBeUndefined();
    expect(s.applied).toEqual([]);
  });

  it('claim, hand on, release, assign', () => {
    const s = foldOwnership([change('claimed', '09:00', 'ana'), change('handed_on', '09:10', 'ana', 'bob'), change('released', '09:20', 'bob'), change('assigned', '09:30', 'lea', 'cara')]);
    expect(s.owner).toBe('cara');
    expect(s.since).toBe('2026-03-02T09:30:00.000Z');
    expect(s.via?.by).toBe('lea');
    expect(s.applied).toHaveLength(4);
    expect(s.overridden).toEqual([]);
    // ana → bob is a reassignment; bob → nobody and nobody → cara are not.
    expect(s.reassignments).toBe(1);
  });

  it('of two concurrent claims the earlier wins, and the later is overridden with who had it', () => {
    const bob = change('claimed', '09:05', 'bob');
    const ana = change('claimed', '09:00', 'ana');
    const s = foldOwnership([bob, ana]);
    expect(s.owner).toBe('ana');
    expect(s.overridden).toEqual([{ change: bob, reason: 'already_owned', holder: 'ana' }]);
  });

  it('claims at the same instant are decided by handle, then id', () => {
    const s = foldOwnership([change('claimed', '09:00', 'bob'), change('claimed', '09:00', 'ana')]);
    expect(s.owner).toBe('ana');
  });

  it('a hand-on or release by someone who does not own the case does not take', () => {
    const s = foldOwnership([change('claimed', '09:00', 'ana'), change('handed_on', '09:01', 'bob', 'cara'), change('released', '09:02', 'bob')]);
    expect(s.owner).toBe('ana');
    expect(s.overridden.map((o) => [o.change.type, o.reason, o.holder])).toEqual([
      ['handed_on', 'not_owner', 'ana'],
      ['released', 'not_owner', 'ana'],
    ]);
  });

  it("a lead's assignment always applies, and a claim after it does not", () => {
    const s = foldOwnership([change('claimed', '09:00', 'ana'), change('assigned', '09:10', 'lea', 'bob'), change('claimed', '09:20', 'ana')]);
    expect(s.owner).toBe('bob');
    expect(s.reassignments).toBe(1);
    expect(s.overridden[0]?.change.by).toBe('ana');
  });

  it('a second claim by the owner changes nothing, and the same change twice counts once', () => {
    const first = change('claimed', '09:00', 'ana');
    const s = foldOwnership([first, first, change('claimed', '09:30', 'ana')]);
    expect(s.owner).toBe('ana');
    expect(s.since).toBe(first.at);
    expect(s.overridden).toEqual([]);
  });

  it('every order of arrival gives the same owner and the same overridden changes (both sides agree)', () => {
    const who = fc.constantFrom('ana', 'bob', 'cara', 'lea');
    const one = fc.record({ type: fc.constantFrom('claimed', 'handed_on', 'released', 'assigned' as const), minute: fc.integer({ min: 0, max: 9 }), by: who, owner: who });
    fc.assert(
      fc.property(fc.array(one, { maxLength: 12 }), fc.infiniteStream(fc.nat()), (parts, rand) => {
        const changes = parts.map((p, i) => change(p.type, `09:0${p.minute}`, p.by, p.type === 'claimed' || p.type === 'released' ? undefined : p.owner, `id-${i}`));
        const shuffled = [...changes];
        const it = rand[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = foldOwnership(changes);
        const b = foldOwnership(shuffled);
        expect(b.owner).toBe(a.owner);
        expect(b.overridden.map((o) => o.change.id)).toEqual(a.overridden.map((o) => o.change.id));
        expect(b.applied.length + b.overridden.length).toBe(new Set(changes.map((c) => c.id)).size);
      }),
    );
  });
});

describe('ownership decisions', () => {
  const agent = (handle: string) => ({ handle, role: 'agent' as const });
  const lead = { handle: 'lea', role: 'lead' as const };

  it('an agent claims an unowned case, and cannot take an owned one', () => {
    expect(decideOwnership({}, { type: 'claim' }, agent('ana'), names)).toEqual({ ok: true, type: 'claimed' });
    const refused = decideOwnership({ owner: 'bob' }, { type: 'claim' }, agent('ana'), names);
    expect(refused).toEqual({ ok: false, error: 'Bob owns this case. Ask Bob to hand it on, or your team lead to reassign it.' });
    expect(decideOwnership({ owner: 'ana' }, { type: 'claim' }, agent('ana'), names)).toEqual({ ok: false, error: 'This case is already yours.' });
  });

  it('the owner hands on to a teammate; others cannot', () => {
    expect(decideOwnership({ owner: 'ana' }, { type: 'handOn', to: 'bob' }, agent('ana'), names)).toEqual({ ok: true, type: 'handed_on', owner: 'bob' });
    expect(decideOwnership({ owner: 'ana' }, { type: 'handOn', to: 'cara' }, agent('bob'), names)).toMatchObject({ ok: false, error: expect.stringContaining('Only Ana') });
    expect(decideOwnership({ owner: 'ana' }, { type: 'handOn', to: 'zed' }, agent('ana'), names)).toMatchObject({ ok: false, error: expect.stringContaining('not on the team') });
  });

  it('only a lead assigns to someone else; a lead taking an owned case assigns it to themselves', () => {
    expect(decideOwnership({}, { type: 'assign', to: 'bob' }, agent('ana'), names)).toMatchObject({ ok: false, error: expect.stringContaining('Only a team lead') });
    expect(decideOwnership({}, { type: 'assign', to: 'bob' }, lead, names)).toEqual({ ok: true, type: 'assigned', owner: 'bob' });
    expect(decideOwnership({ owner: 'ana' }, { type: 'claim' }, lead, names)).toEqual({ ok: true, type: 'assigned', owner: 'lea' });
    expect(decideOwnership({ owner: 'ana' }, { type: 'assign', to: null }, lead, names)).toEqual({ ok: true, type: 'assigned' });
    // "Assign to me" from an agent is a claim.
    expect(decideOwnership({}, { type: 'assign', to: 'ana' }, agent('ana'), names)).toEqual({ ok: true, type: 'claimed' });
  });

  it('the owner releases; nobody releases an unowned case', () => {
    expect(decideOwnership({ owner: 'ana' }, { type: 'release' }, agent('ana'), names)).toEqual({ ok: true, type: 'released' });
    expect(decideOwnership({}, { type: 'release' }, agent('ana'), names)).toEqual({ ok: false, error: 'Nobody owns this case.' });
  });
});

describe('telling the loser', () => {
  it('says who had the case, when the claim was made and who owns it now', () => {
    const s = foldOwnership([change('claimed', '09:05', 'bob'), change('claimed', '09:00', 'ana')]);
    const text = describeOverride(s.overridden[0]!, names.nameOf, (iso) => iso.slice(11, 16), s.owner);
    expect(text).toBe('Ana already had this case when you claimed it at 09:05, so your claim did not take. It is Ana\'s now.');
  });
});
