/**
 * A uPlot chart as a Preact component. The canvas is hidden from assistive tools: the wrapper
 * is an image whose label summarises it, and the page's tables carry the numbers. Colours come
 * from the page's CSS custom properties, so the chart follows light and dark schemes.
 * uPlot is loaded when the first chart is on screen, not with the page: the figures are painted
 * first, the canvases a moment later.
 */
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';

let uplotLibrary: Promise<typeof uPlot> | undefined;
const loadUplot = () => (uplotLibrary ??= import('uplot').then((m) => m.default));

export interface ChartSeries {
  label: string;
  /** CSS custom property holding the colour, e.g. '--series-1'. */
  colorVar: string;
  values: Array<number | null>;
}

export interface UplotChartProps {
  id: string;
  summary: string;
  /** Epoch seconds of each x position. */
  x: number[];
  series: ChartSeries[];
  yLabel: string;
  /** Fixed y range, e.g. [0, 100] for percentages. */
  yRange?: [number, number];
  formatY?: (v: number) => string;
  height?: number;
}

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

export function UplotChart(props: UplotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let disposed = false;
    let UPlot: typeof uPlot | undefined;
    const build = () => {
      if (!UPlot) return;
      plot.current?.destroy();
      const fg = cssVar(el, '--fg-soft', '#4a5360');
      const grid = cssVar(el, '--border-soft', '#d0d7de');
      const width = Math.max(280, el.clientWidth);
      const height = props.height ?? 240;
      const opts: uPlot.Options = {
        width,
        height,
        legend: { show: false },
        cursor: { show: true, points: { show: false } },
        scales: { x: { time: true }, y: props.yRange ? { range: props.yRange } : { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
          {
            stroke: fg,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            label: props.yLabel,
            ...(props.formatY ? { values: (_u: uPlot, splits: number[]) => splits.map((v) => props.formatY!(v)) } : {}),
          },
        ],
        series: [
          {},
          ...props.series.map((s) => {
            const color = cssVar(el, s.colorVar, '#0b5cad');
            return { label: s.label, stroke: color, width: 2, spanGaps: false, points: { show: props.x.length <= 62, size: 5, fill: color } };
          }),
        ],
      };
      const data = [props.x, ...props.series.map((s) => s.values)] as uPlot.AlignedData;
      plot.current = new UPlot(opts, data, el);
    };
    void loadUplot().then((library) => {
      if (disposed) return;
      UPlot = library;
      build();
    });
    // Follows the container's width (the container clips, so the chart never widens it).
    let frame = 0;
    const resize = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (disposed || !plot.current) return;
        const width = Math.max(280, el.clientWidth);
        if (Math.abs(plot.current.width - width) > 2) plot.current.setSize({ width, height: props.height ?? 240 });
      });
    });
    resize.observe(el);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => build();
    scheme.addEventListener('change', onScheme);
    return () => {
      disposed = true;
      cancelAnimationFrame(frame);
      resize.disconnect();
      scheme.removeEventListener('change', onScheme);
      plot.current?.destroy();
      plot.current = null;
    };
  }, [props.x, props.series, props.yLabel, props.yRange, props.height]);

  return (
    <figure class="chart">
      <div class="chart-canvas" ref={host} role="img" aria-label={props.summary} data-testid={props.id} />
      <figcaption>
        <ul class="legend">
          {props.series.map((s) => (
            <li key={s.label}>
              <span class="swatch" aria-hidden="true" style={{ background: `var(${s.colorVar})` }} />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
