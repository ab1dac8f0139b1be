import { ScenarioPicker } from "@/components/scenario-picker";
import { listScenarioSummaries } from "@/lib/scenarios/summary";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const scenarios = listScenarioSummaries();
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Practise ML system design interviews</h1>
        <p className="max-w-2xl text-muted">
          Pick a case study and a level. The interviewer takes you through the seven steps, from clarifying requirements
          to monitoring, asks for the numbers behind your claims, and keeps a transcript you can download.
        </p>
      </section>
      <ScenarioPicker scenarios={scenarios} />
    </div>
  );
}
