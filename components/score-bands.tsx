import type { Level } from "@/lib/framework";
import { SCORE_BANDS } from "@/lib/scoring/calibration";

/**
 * The published score bands: what a step or overall score means against the chosen level. The
 * scorer is calibrated to them (see lib/scoring/calibration.ts and BENCHMARKS.md).
 */
export function ScoreBands({ level }: { level: Level }) {
  return (
    <section aria-labelledby="score-bands-heading" className="max-w-3xl space-y-2" data-testid="score-bands">
      <h2 id="score-bands-heading" className="text-lg font-semibold">
        What the scores mean at {level} level
      </h2>
      <dl className="grid gap-2 sm:grid-cols-3">
        {SCORE_BANDS.map((band) => (
          <div key={band.id} className="rounded-lg border border-zinc-300 p-3 dark:border-zinc-700">
            <dt className="font-medium">
              {band.from}–{band.to}: {band.title}
            </dt>
            <dd className="text-sm text-muted">{band.means}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-muted">
        Each step is scored against the items expected at {level} level; the overall score is the mean of the steps.
      </p>
    </section>
  );
}
