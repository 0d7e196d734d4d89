/**
 * The list of problems shown after a refused save: a focusable alert whose links move focus to
 * each field (`onOpen` lets a stepper first show the step that holds the field).
 */
import { useEffect, useRef } from 'preact/hooks';
import { fieldId, focusField } from './field-ids';

export interface SummaryProblem {
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  title: string;
  problems: readonly SummaryProblem[];
  onOpen?: (field: string) => void;
  /** Changes each time the summary should take focus (after each refused save). */
  focusKey?: number;
}

export function ErrorSummary({ title, problems, onOpen, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [focusKey]);
  if (problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.field}-${i}`}>
            <a
              href={`#${fieldId(p.field)}`}
              onClick={(e) => {
                e.preventDefault();
                if (onOpen) onOpen(p.field);
                else focusField(p.field);
              }}
            >
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
