import type { Level } from "@/lib/framework";

/**
 * The published score bands (the rubric page shows them): every score is read against the level
 * the candidate chose. A plainly competent answer at that level lands in the middle band.
 */
export const SCORE_BANDS = [
  {
    id: "below",
    from: 0,
    to: 34,
    title: "Below the level",
    means: "Important points for this level are missing or wrong.",
  },
  {
    id: "meets",
    from: 35,
    to: 64,
    title: "Meets the level",
    means: "A competent answer: most core points made, some without numbers or trade-offs.",
  },
  {
    id: "above",
    from: 65,
    to: 100,
    title: "Above the level",
    means: "Most points made with specifics, plus points expected only at higher levels.",
  },
] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export function bandOf(score: number): ScoreBand {
  return SCORE_BANDS.find((b) => score <= b.to) ?? SCORE_BANDS[2];
}

/**
 * Where the share of the level's expected rubric weight that was earned (0..1) lands on the
 * 0..100 scale: a piecewise-linear, increasing map through these knots, one map per level,
 * because a level expects a different number of items (a mid candidate is held to the few mid
 * items, a staff one to all of them). Fitted with `npm run scoring:fit` on the labelled tuning
 * transcripts' human step grades only; the held-out transcripts show whether it holds.
 */
export const CALIBRATION_KNOTS: Record<Level, ReadonlyArray<readonly [raw: number, score: number]>> = {
  mid: [
    [0, 0],
    [0.51, 50],
    [0.85, 80],
    [1, 100],
  ],
  senior: [
    [0, 0],
    [0.32, 50],
    [0.71, 80],
    [1, 100],
  ],
  staff: [
    [0, 0],
    [0.28, 50],
    [0.6, 80],
    [1, 100],
  ],
};

export function calibratedScore(raw: number, knots: ReadonlyArray<readonly [number, number]>): number {
  const x = Math.max(0, Math.min(1, raw));
  for (let i = 1; i < knots.length; i++) {
    const [x0, y0] = knots[i - 1] as readonly [number, number];
    const [x1, y1] = knots[i] as readonly [number, number];
    if (x <= x1) return y0 + ((x - x0) / (x1 - x0 || 1)) * (y1 - y0);
  }
  return knots[knots.length - 1]?.[1] ?? 100;
}
