import { STEP_TITLES } from "@/lib/framework";
import type { PeerReport } from "@/lib/rooms/types";
import { ComparedItems } from "./compared-items";

const scoreOf = (score: number | undefined) => (score === undefined ? "-" : String(Math.round(score)));

/** A step's gap as points out of 100: the AI's score against the peers' mean. */
function gapOf(step: PeerReport["steps"][number]): string {
  if (step.peers.length === 0) return "-";
  const mean = step.peers.reduce((sum, p) => sum + p.score, 0) / step.peers.length;
  return String(Math.round(Math.abs(step.ai - mean)));
}

/**
 * After the round: the AI's score beside each peer's, step by step, then the rubric items the
 * AI and the peers disagree on most, with the sentence each of them quoted.
 */
export function PeerReportView({ report }: { report: PeerReport }) {
  const items = [...report.items].sort((a, b) => b.disagreement - a.disagreement);
  const disputed = items.filter((item) => item.disagreement > 0);
  const agreed = items.filter((item) => item.disagreement === 0);
  return (
    <section data-testid="peer-report" aria-labelledby="peer-report-heading" className="min-w-0 space-y-4">
      <h2 id="peer-report-heading" className="text-lg font-semibold">
        The AI's scores beside the room's
      </h2>
      {report.scorers.length === 0 && <p className="text-sm text-muted">No one in the room scored this round.</p>}
      {/* Focusable so a keyboard can scroll it when many scorers make it wider than a phone. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="overflow-x-auto" aria-label="Scores per step" tabIndex={0}>
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-zinc-200 text-left dark:border-zinc-800">
              <th scope="col" className="py-1 pr-3">
                Step
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                AI
              </th>
              {report.scorers.map((s) => (
                <th key={s.userId} scope="col" className="break-words px-2 py-1 text-right">
                  {s.displayName}
                </th>
              ))}
              <th scope="col" className="py-1 pl-2 text-right">
                Gap<span className="sr-only"> between the AI and the room's mean</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {report.steps.map((step) => (
              <tr key={step.step} className="border-b border-zinc-100 dark:border-zinc-900">
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {STEP_TITLES[step.step]}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">{Math.round(step.ai)}</td>
                {report.scorers.map((s) => (
                  <td key={s.userId} className="px-2 py-1 text-right tabular-nums">
                    {scoreOf(step.peers.find((p) => p.userId === s.userId)?.score)}
                  </td>
                ))}
                <td className="py-1 pl-2 text-right tabular-nums">{gapOf(step)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h3 className="font-medium">Where the room and the AI disagree most</h3>
      {disputed.length === 0 ? (
        <p className="text-sm text-muted">The room and the AI agree on every item.</p>
      ) : (
        <ComparedItems items={disputed} />
      )}
      {agreed.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium">Items everyone agrees on ({agreed.length})</summary>
          <div className="mt-2">
            <ComparedItems items={agreed} />
          </div>
        </details>
      )}
    </section>
  );
}
