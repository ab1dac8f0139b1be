import type { CheckCard } from "@/lib/types";
import { PipelineChart } from "./pipeline-chart";
import { Spinner } from "./spinner";
import { SummaryTable } from "./summary-table";

/**
 * A reference-pipeline result in the chat. It leads with the one-sentence headline and the
 * candidate's claim; the rows, chart and assumptions are the working, folded away by default so a
 * long card does not push the conversation out of sight.
 */
export function CheckCardView({ card, progress }: { card: CheckCard; progress?: string }) {
  const status = card.status ?? "done";
  const hasWorking = card.rows.length > 0 || card.chart !== null || card.assumptions.length > 0;
  return (
    <div
      className="mt-2 w-full max-w-[85%] min-w-0 space-y-2 rounded-lg border border-indigo-200 p-3 text-sm dark:border-indigo-900"
      data-testid="check-card"
      data-status={status}
    >
      <p className="text-xs uppercase tracking-wide text-indigo-700 dark:text-indigo-300">
        {card.verdict && card.verdict !== "measured" ? `Checked by ${card.title}` : `Reference run: ${card.title}`}
      </p>
      {status === "pending" ? (
        <p className="flex items-center gap-2 font-medium" data-testid="check-pending">
          <Spinner />
          Checking your figure…
          {progress && <span className="text-xs font-normal text-muted">{progress}</span>}
        </p>
      ) : (
        <p className="font-medium" data-testid="check-headline">
          {card.headline}
        </p>
      )}
      <blockquote className="border-l-2 border-zinc-300 pl-2 italic dark:border-zinc-700">{card.claim}</blockquote>
      {status !== "pending" && hasWorking && (
        <details className="group" data-testid="check-working">
          <summary className="cursor-pointer text-xs font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
            Show the working
          </summary>
          <div className="mt-2 space-y-2 overflow-x-auto">
            <SummaryTable rows={card.rows} assumptions={card.assumptions} compact />
            {card.chart && <PipelineChart chart={card.chart} />}
          </div>
        </details>
      )}
    </div>
  );
}
