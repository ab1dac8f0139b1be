import type { CheckCard } from "@/lib/types";
import { PipelineChart } from "./pipeline-chart";
import { SummaryTable } from "./summary-table";

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
      <SummaryTable rows={card.rows} assumptions={card.assumptions} compact />
      {card.chart && <PipelineChart chart={card.chart} />}
    </div>
  );
}
