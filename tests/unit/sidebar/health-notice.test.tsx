// @vitest-environment happy-dom
/** The notice names the fact Caseline cannot find, per host, and offers the layout report. */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthNotice, missingFactSentence } from '../../../components/sidebar/HealthNotice';

let host: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('HealthNotice', () => {
  it('says which fact is missing, in the host’s words, and copies a layout report on click', () => {
    let copies = 0;
    const el = mount(<HealthNotice host="gmail" missing={['messages']} blocking onCopyReport={() => (copies += 1)} />);
    expect(el.querySelector('[data-testid="unreadable"]')?.getAttribute('role')).toBe('alert');
    expect(el.querySelector('[data-fact="messages"]')?.textContent).toBe("Caseline can't find the messages of this thread in this Gmail layout.");
    const button = el.querySelector<HTMLButtonElement>('button.copy-report')!;
    expect(button.textContent).toBe('Copy a layout report');
    button.click();
    expect(copies).toBe(1);
    expect(el.querySelector('textarea')).toBeNull();
  });

  it('names every missing fact of a thread it still shows, as a note (Outlook)', () => {
    const el = mount(<HealthNotice host="outlook" missing={['subject', 'time']} blocking={false} onCopyReport={() => {}} />);
    const note = el.querySelector('[data-testid="layout-gaps"]')!;
    expect(note.getAttribute('role')).toBe('status');
    expect(Array.from(note.querySelectorAll('.missing-fact')).map((p) => p.textContent)).toEqual([
      "Caseline can't find the subject of this thread in this Outlook layout.",
      "Caseline can't find when the messages of this thread were sent in this Outlook layout.",
    ]);
    expect(note.querySelector('h3')).toBeNull();
  });

  it('shows the report to select and copy by hand when copying was refused', () => {
    const el = mount(<HealthNotice host="gmail" missing={['threadId']} blocking report={'Caseline layout report (format 1)\nHost: gmail'} onCopyReport={() => {}} />);
    const box = el.querySelector<HTMLTextAreaElement>('textarea[data-testid="layout-report"]')!;
    expect(box.value).toContain('Caseline layout report');
    expect(box.readOnly).toBe(true);
    expect(missingFactSentence('threadId', 'outlook')).toBe("Caseline can't tell which conversation this is in this Outlook layout.");
  });
});
