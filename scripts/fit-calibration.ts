/**
 * `npm run scoring:fit`: fits the calibration knots (lib/scoring/calibration.ts) to the human
 * step grades of the labelled TUNING transcripts only, by grid search on the squared error,
 * and prints them; paste them into CALIBRATION_KNOTS. The held-out transcripts are never read.
 */
import path from "node:path";
import { loadScenarioLibrary } from "@/lib/scenarios/load";
import { stepCoverage } from "@/lib/scoring/aggregate";
import { calibratedScore } from "@/lib/scoring/calibration";
import { loadLabelledSet } from "@/lib/scoring/evidence/labelled-set";
import { prepareTranscript, scoreSteps } from "@/lib/scoring/score-steps";

const library = loadScenarioLibrary();
const set = loadLabelledSet(path.join(import.meta.dirname, "../bench/scoring/labelled/tuning")).filter(
  (t) => t.label.quality !== "injected",
);
const points: Array<{ level: string; raw: number; onTopic: number; human: number }> = [];
for (const { label, transcript } of set) {
  const prepared = prepareTranscript(transcript, library);
  for (const outcome of scoreSteps(prepared)) {
    const human = label.humanSteps?.[outcome.step];
    if (human === undefined) continue;
    points.push({
      level: transcript.level,
      raw: stepCoverage(outcome.decisions, transcript.level),
      onTopic: prepared.onTopic,
      human,
    });
  }
}
console.log(`${points.length} step grades from ${set.length} tuning transcripts`);
for (const level of ["mid", "senior", "staff"]) {
  const own = points.filter((p) => p.level === level);
  let best = { a: 0, b: 0, error: Number.POSITIVE_INFINITY };
  for (let a = 0.05; a <= 0.7; a += 0.01) {
    // 80 must stay reachable without every item: a strong answer rarely makes every point.
    for (let b = a + 0.05; b <= 0.85 + 1e-9; b += 0.01) {
      const knots = [
        [0, 0],
        [a, 50],
        [b, 80],
        [1, 100],
      ] as const;
      const error = own.reduce((sum, p) => sum + (calibratedScore(p.raw, knots) * p.onTopic - p.human) ** 2, 0);
      if (error < best.error) best = { a, b, error };
    }
  }
  console.log(
    `${level}: [0, 0], [${best.a.toFixed(2)}, 50], [${best.b.toFixed(2)}, 80], [1, 100] ` +
      `(${own.length} steps, RMSE ${Math.sqrt(best.error / own.length).toFixed(1)})`,
  );
}
