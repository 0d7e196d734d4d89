/** The keyboard palette: type to fuzzy-search every approved template, Enter inserts, Escape closes. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CaseView, TemplateSummary } from '@/utils/case-view';
import { fuzzySearch } from '@/utils/templates/fuzzy-search';
import type { Template } from '@/utils/templates/types';
import { t } from './i18n';

function asSearchable(s: TemplateSummary): Template {
  return { id: s.id, version: s.version, name: s.name, stage: s.stage, categories: [], language: s.language === 'es' ? 'es' : 'en', body: '', status: 'approved', updatedAt: '', ...(s.shortcut ? { shortcut: s.shortcut } : {}) };
}

export function TemplatePalette({ view, onPick, onClose }: { view: CaseView; onPick: (id: string) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const searchable = useMemo(() => {
    // Suggested first when nothing is typed yet.
    const sorted = [...view.templates].sort((a, b) => Number(b.suggested) - Number(a.suggested));
    return sorted.map(asSearchable);
  }, [view.templates]);
  const results = useMemo(() => (query.trim() ? fuzzySearch(searchable, query, { includeUnapproved: true, limit: 12 }).map((r) => r.template) : searchable.slice(0, 12)), [query, searchable]);
  useEffect(() => input.current?.focus(), []);
  const pick = (i: number) => {
    const chosen = results[i];
    if (chosen) onPick(chosen.id);
  };
  return (
    <div class="palette-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="palette" role="dialog" aria-modal="true" aria-label={t('palette_title', 'Insert a template')}>
        <input
          ref={input}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={results[active] ? `palette-${active}` : undefined}
          aria-label={t('palette_search', 'Search templates')}
          placeholder={t('palette_placeholder', 'Type to search templates…')}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, results.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              pick(active);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
            }
          }}
        />
        <ul id="palette-list" role="listbox" aria-label={t('palette_results', 'Templates')}>
          {results.map((r, i) => (
            <li key={r.id} id={`palette-${i}`} role="option" aria-selected={i === active} data-template-id={r.id} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(i)}>
              <span class="name">{r.name}</span> <span class="muted">{r.stage.replace(/_/g, ' ')}</span>
            </li>
          ))}
          {results.length === 0 && <li class="muted" role="option" aria-selected="false" aria-disabled="true">{t('palette_none', 'No template matches.')}</li>}
        </ul>
      </div>
    </div>
  );
}
