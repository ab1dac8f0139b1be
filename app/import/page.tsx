import { ImportForm } from "@/components/import-form";
import { listScenarioSummaries } from "@/lib/scenarios/summary";

export const dynamic = "force-dynamic";

/** Score a transcript of a human mock interview. */
export default function ImportPage() {
  const scenarios = listScenarioSummaries().map(({ id, title }) => ({ id, title }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Score a transcript</h1>
      <p className="max-w-2xl text-sm text-muted">
        Paste or upload a mock interview: the JSON interchange format, or plain text with lines that start with{" "}
        <code>Interviewer:</code> and <code>Candidate:</code> (optional step headings such as <code>## Evaluation</code>
        ). It is scored against the scenario's rubric and kept in your history.
      </p>
      <ImportForm scenarios={scenarios} />
    </div>
  );
}
