import { STEP_IDS, STEP_TITLES, type StepId } from "@/lib/framework";

const WIDTH = 220;
const HEIGHT = 48;

/** One small line chart per step: scores (0-100) over successive full interviews. */
export function StepProgressChart({ progress }: { progress: Record<StepId, Array<{ date: string; score: number }>> }) {
  const attempts = progress["clarify-requirements"].length;
  if (attempts === 0) return null;
  return (
    <section className="space-y-2" aria-labelledby="progress-heading" data-testid="progress-chart">
      <h2 id="progress-heading" className="text-lg font-semibold">
        Progress per step ({attempts} scored {attempts === 1 ? "interview" : "interviews"})
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {STEP_IDS.map((step) => {
          const points = progress[step];
          const x = (i: number) => (points.length === 1 ? WIDTH / 2 : (i * (WIDTH - 8)) / (points.length - 1) + 4);
          const y = (score: number) => HEIGHT - 4 - (score / 100) * (HEIGHT - 8);
          const path = points
            .map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`)
            .join(" ");
          const last = points.at(-1)?.score ?? 0;
          return (
            <li key={step} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
              <p className="flex justify-between text-xs">
                <span>{STEP_TITLES[step]}</span>
                <span className="tabular-nums">latest {last}</span>
              </p>
              <svg
                width={WIDTH}
                height={HEIGHT}
                role="img"
                aria-label={`${STEP_TITLES[step]} scores over time: ${points.map((p) => p.score).join(", ")}`}
              >
                <line
                  x1="0"
                  x2={WIDTH}
                  y1={y(50)}
                  y2={y(50)}
                  className="stroke-zinc-200 dark:stroke-zinc-800"
                  strokeDasharray="2 3"
                />
                <path d={path} fill="none" className="stroke-indigo-600 dark:stroke-indigo-400" strokeWidth="2" />
                {points.map((p, i) => (
                  <circle
                    key={p.date}
                    cx={x(i)}
                    cy={y(p.score)}
                    r="2.5"
                    className="fill-indigo-600 dark:fill-indigo-400"
                  />
                ))}
              </svg>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
