/** One figure printed by `npm run bench` and written to bench/results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The goal, in words, e.g. '≤ 20 µs'. */
  target?: string;
  /** Whether the goal was met, when there is one. */
  ok?: boolean;
}

/** Each tests/bench/*.bench.ts default-exports one of these. */
export type Bench = () => Promise<BenchResult[]>;
