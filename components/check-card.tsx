import type { CheckCard } from "@/lib/types";
import { PipelineChart } from "./pipeline-chart";

/** A reference-pipeline result in the chat: the candidate's claim beside what a run measured. */
export function CheckCardView({ card }: { card: CheckCard }) {
  return (
    <div
      className="mt-2 w-full max-w-[85%] space-y-2 rounded-lg border border-indigo-200 p-3 text-sm dark:border-indigo-900"
      data-testid="check-card"
    >
      <p className="text-xs uppercase tracking-wide text-indigo-700 dark:text-indigo-300">
        Checked with the {card.title} pipeline
      </p>
      <blockquote className="border-l-2 border-zinc-300 pl-2 italic dark:border-zinc-700">{card.claim}</blockquote>
      <p className="font-medium">{card.headline}</p>
      <table className="w-full text-left text-xs">
        <tbody>
          {card.rows.map((row) => (
            <tr key={row.label} className="border-t border-zinc-200 dark:border-zinc-800">
              <td className="py-0.5 pr-2">{row.label}</td>
              <td className="pr-2 tabular-nums">{row.value}</td>
              <td className="font-mono text-zinc-500">{row.formula ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {card.chart && <PipelineChart chart={card.chart} />}
      {card.assumptions.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-zinc-500">
          {card.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
