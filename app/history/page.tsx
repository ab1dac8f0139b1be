import Link from "next/link";
import { DisplayNameForm } from "@/components/display-name-form";
import { HistoryTable } from "@/components/history-table";
import { NotesHistory } from "@/components/rooms/notes-history";
import { ShareList } from "@/components/share-list";
import { StartInterviewButton } from "@/components/start-interview-button";
import { StepProgressChart } from "@/components/step-progress-chart";
import { DEFAULT_LEVEL, STEP_TITLES } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";
import { listScenarioSummaries } from "@/lib/scenarios/summary";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { getHistory } from "@/services/history";
import { listNotesOf } from "@/services/rooms/round-notes";

export const dynamic = "force-dynamic";

/** Past attempts, progress per step over time, and the next thing to practise. */
export default async function HistoryPage() {
  const userId = await getCurrentUserId();
  const [history, notes] = await Promise.all([getHistory(userId), listNotesOf(await getDatabase(), userId)]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">Your interviews</h1>
        <DisplayNameForm initial={history.displayName} />
      </div>
      {history.weakest && (
        <section className="rounded-lg border border-amber-300 p-4 dark:border-amber-800" data-testid="weakest-step">
          <p className="mb-2">
            Your weakest step lately: <strong>{STEP_TITLES[history.weakest.step]}</strong> (mean{" "}
            {history.weakest.meanScore}
            /100). Practise it next:
          </p>
          <StartInterviewButton
            scenarioId={history.weakest.scenarioId}
            scenarioTitle={getScenario(history.weakest.scenarioId).title}
            level={DEFAULT_LEVEL}
            drillStep={history.weakest.step}
          />
        </section>
      )}
      {history.entries.length === 0 ? (
        <p className="text-muted" data-testid="history-empty">
          No interviews yet.{" "}
          <Link href="/" className="underline">
            Start one
          </Link>{" "}
          or{" "}
          <Link href="/import" className="underline">
            score a transcript
          </Link>
          .
        </p>
      ) : (
        <HistoryTable entries={history.entries} />
      )}
      <StepProgressChart progress={history.progress} />
      <ShareList scenarioTitles={Object.fromEntries(listScenarioSummaries().map((s) => [s.id, s.title]))} />
      <NotesHistory notes={notes} />
    </div>
  );
}
