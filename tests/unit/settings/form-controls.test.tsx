// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { TextField } from '../../../components/forms/text-field';
import { NumberField } from '../../../components/forms/number-field';
import { describeCategoryTargets, describeDuration } from '../../../components/options/describe-targets';
import { referencePreview } from '../../../components/options/agent-editor';
import { stepOfField } from '../../../components/onboarding/onboarding-steps';
import { presetById } from '../../../utils/sla/presets';

let root: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('form controls', () => {
  it('a field with an error is marked invalid and described by its hint and error', () => {
    const el = mount(<TextField path="agent.prefix" label="Team prefix" hint="2 to 4 letters" error="Too short." value="x" onValue={() => {}} />);
    const input = el.querySelector('input')!;
    expect(input.id).toBe('field-agent-prefix');
    expect(el.querySelector('label')!.getAttribute('for')).toBe(input.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('field-agent-prefix-hint field-agent-prefix-error');
    expect(el.querySelector('#field-agent-prefix-error')!.textContent).toBe('Too short.');
  });

  it('a valid field has no aria-invalid and no error line', () => {
    const el = mount(<TextField path="agent.name" label="Name" value="Ana" onValue={() => {}} />);
    const input = el.querySelector('input')!;
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(el.querySelector('.field-error')).toBeNull();
  });

  it('a number field passes an empty entry on as NaN so validation can name it', () => {
    const seen: number[] = [];
    const el = mount(<NumberField path="policy.dueSoonShare" label="Share" value={25} onValue={(n) => seen.push(n)} />);
    const input = el.querySelector('input')!;
    input.value = '';
    act(() => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    input.value = '12.5';
    act(() => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(seen[0]).toBeNaN();
    expect(seen[1]).toBe(12.5);
  });

  it('the error summary lists each problem and its links open the field', () => {
    const opened: string[] = [];
    const el = mount(
      <ErrorSummary
        title="Fix 2 problems"
        problems={[
          { field: 'agent.prefix', message: 'Bad prefix.' },
          { field: 'policy.targets.complaint.resolve.amount', message: 'Bad amount.' },
        ]}
        onOpen={(f) => opened.push(f)}
        focusKey={1}
      />,
    );
    const summary = el.querySelector('[role="alert"]')!;
    expect(summary.querySelector('h2')!.textContent).toBe('Fix 2 problems');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#field-agent-prefix', '#field-policy-targets-complaint-resolve-amount']);
    act(() => links[1]!.click());
    expect(opened).toEqual(['policy.targets.complaint.resolve.amount']);
    expect(document.activeElement).toBe(summary);
  });

  it('renders nothing without problems', () => {
    const el = mount(<ErrorSummary title="x" problems={[]} />);
    expect(el.children.length).toBe(0);
  });
});

describe('words for presets and previews', () => {
  it('describes durations with their clock', () => {
    expect(describeDuration({ amount: 24, unit: 'hours', clock: 'calendar' })).toBe('24 h');
    expect(describeDuration({ amount: 5, unit: 'days', clock: 'business' })).toBe('5 business days');
    expect(describeDuration({ amount: 1, unit: 'days', clock: 'business' })).toBe('1 business day');
    expect(describeDuration({ amount: 15, unit: 'minutes', clock: 'calendar' })).toBe('15 min');
  });

  it('describes a category of a preset in lifecycle order', () => {
    const text = describeCategoryTargets(presetById('sop-000')!, 'complaint');
    expect(text.startsWith('acknowledge within 24 h · ')).toBe(true);
    expect(text).toContain('resolve within 5 business days');
  });

  it('previews the reference number', () => {
    expect(referencePreview('ab')).toBe('CMP-AB-0001');
    expect(referencePreview('')).toBe('CMP-XX-0001');
  });

  it('knows which onboarding step holds a field', () => {
    expect(stepOfField('presetId')).toBe(0);
    expect(stepOfField('policy.calendar.week.mon.0')).toBe(1);
    expect(stepOfField('holidays.extra.2')).toBe(1);
    expect(stepOfField('agent.prefix')).toBe(2);
    expect(stepOfField('company.name')).toBe(2);
    expect(stepOfField('sync.url')).toBe(3);
  });
});
