import type { CaseSamples, VariantSamples } from '../../src/stats/index.js';

/** The REST and HOLD pairs of test/stats/reference_values.py: 12 ordinary and 10 holdout cases × 3 samples. */

const v = (scores: number[]): VariantSamples => ({ scores, latenciesMs: scores.map(() => 100), costUsd: scores.map(() => 0.001), errors: 0 });
const pair = (id: string, tags: string[], b: number[], c: number[]): CaseSamples => ({ id, tags, baseline: v(b), candidate: v(c) });

export const REST: [number[], number[]][] = [
  ...Array.from({ length: 8 }, (): [number[], number[]] => [
    [1, 1, 1],
    [1, 1, 1],
  ]),
  [
    [1, 1, 0],
    [1, 1, 1],
  ],
  [
    [1, 0, 0],
    [1, 1, 0],
  ],
  [
    [0, 0, 0],
    [0, 0, 0],
  ],
  [
    [1, 1, 1],
    [1, 1, 0],
  ],
];
export const HOLD: [number[], number[]][] = [
  ...Array.from({ length: 6 }, (): [number[], number[]] => [
    [1, 1, 1],
    [0, 0, 0],
  ]),
  [
    [1, 1, 0],
    [0, 0, 0],
  ],
  [
    [1, 1, 1],
    [1, 0, 0],
  ],
  [
    [1, 1, 1],
    [1, 1, 1],
  ],
  [
    [1, 0, 1],
    [1, 1, 1],
  ],
];

/** 12 ordinary cases tagged `x`, then 10 holdout cases tagged `holdout` and `x`. */
export function holdoutCases(): CaseSamples[] {
  return [...REST.map(([b, c], i) => pair(`R-${i + 1}`, ['x'], b, c)), ...HOLD.map(([b, c], i) => pair(`H-${i + 1}`, ['holdout', 'x'], b, c))];
}
