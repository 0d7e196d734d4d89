/** Where the records come from, and which of them count: dates, categories, agents. */
import { CATEGORIES } from '../../utils/cases/events';
import type { Category } from '../../utils/cases/events';
import type { DashboardFormFilters } from '../../utils/metrics/dashboard-input';
import { agentLabel, categoryLabel } from './format-figure';

export type RecordSource = 'local' | 'team';

export function SourceSwitch({ source, onChange, disabled }: { source: RecordSource; onChange: (s: RecordSource) => void; disabled: boolean }) {
  const option = (value: RecordSource, label: string, hint: string) => (
    <label class="choice">
      <input type="radio" name="source" value={value} checked={source === value} disabled={disabled} onChange={() => onChange(value)} data-testid={`source-${value}`} />
      <span>
        {label} <span class="hint">{hint}</span>
      </span>
    </label>
  );
  return (
    <fieldset class="source-switch">
      <legend>Records</legend>
      {option('local', 'This browser', '(your own cases)')}
      {option('team', 'Team', '(everyone’s synced cases; for team leads)')}
    </fieldset>
  );
}

function toggle<T>(list: readonly T[] | undefined, value: T, on: boolean): T[] {
  const rest = (list ?? []).filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

export function DashboardFilters({
  form,
  agents,
  agentNames,
  timeZone,
  onChange,
}: {
  form: DashboardFormFilters;
  agents: string[];
  agentNames: Record<string, string>;
  timeZone: string;
  onChange: (f: DashboardFormFilters) => void;
}) {
  return (
    <form class="filters" aria-labelledby="filters-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="filters-title">Filters</h2>
      <fieldset>
        <legend>Received between</legend>
        <div class="date-range">
          <label>
            From
            <input type="date" id="filter-from" value={form.fromDate ?? ''} onChange={(e) => onChange({ ...form, fromDate: (e.currentTarget as HTMLInputElement).value || undefined })} />
          </label>
          <label>
            To (included)
            <input type="date" id="filter-to" value={form.toDate ?? ''} onChange={(e) => onChange({ ...form, toDate: (e.currentTarget as HTMLInputElement).value || undefined })} />
          </label>
        </div>
        <p class="hint">Days in {timeZone}, the time zone of the SLA policy’s calendar. Empty: no limit.</p>
      </fieldset>
      <fieldset>
        <legend>Categories</legend>
        {CATEGORIES.map((c: Category) => (
          <label class="choice" key={c}>
            <input
              type="checkbox"
              value={c}
              data-testid={`filter-category-${c}`}
              checked={form.categories?.includes(c) ?? false}
              onChange={(e) => onChange({ ...form, categories: toggle(form.categories, c, (e.currentTarget as HTMLInputElement).checked) })}
            />
            {categoryLabel(c)}
          </label>
        ))}
        <p class="hint">None ticked: every category.</p>
      </fieldset>
      <fieldset>
        <legend>Agents</legend>
        {agents.length === 0 ? <p class="hint">No agents yet.</p> : null}
        {agents.map((a) => (
          <label class="choice" key={a} title={a}>
            <input
              type="checkbox"
              value={a}
              data-testid={`filter-agent-${a}`}
              checked={form.agents?.includes(a) ?? false}
              onChange={(e) => onChange({ ...form, agents: toggle(form.agents, a, (e.currentTarget as HTMLInputElement).checked) })}
            />
            {agentLabel(a, agentNames)}
          </label>
        ))}
        {agents.length > 0 ? <p class="hint">None ticked: every agent.</p> : null}
      </fieldset>
      <div class="actions">
        <button type="button" onClick={() => onChange({})} data-testid="filters-reset">
          Clear filters
        </button>
      </div>
    </form>
  );
}
