/**
 * One figure as text, carrying the exact value it shows (data-metric / data-value) so tests and
 * assistive tools read the same number the text was written from.
 */
export function FigureValue({ metric, value, text }: { metric: string; value: number | null; text: string }) {
  return (
    <span class="figure-value" data-metric={metric} data-value={value === null ? '' : String(value)}>
      {text}
    </span>
  );
}
