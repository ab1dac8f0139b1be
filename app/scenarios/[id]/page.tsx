import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PassageSearch } from "@/components/passage-search";
import { RubricStep } from "@/components/rubric-step";
import { ScoreBands } from "@/components/score-bands";
import { StartInterviewButton } from "@/components/start-interview-button";
import { DEFAULT_LEVEL, LEVELS, type Level, levelReaches, STEP_IDS } from "@/lib/framework";
import { getScenario, UnknownScenarioError } from "@/lib/scenarios/library";
import type { Scenario } from "@/lib/scenarios/schema";

export const dynamic = "force-dynamic";

function findScenario(id: string): Scenario {
  try {
    return getScenario(id);
  } catch (error) {
    if (error instanceof UnknownScenarioError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const scenario = findScenario((await params).id);
  return { title: `${scenario.title}: rubric · Probe` };
}

/** The scenario and its open rubric: what is expected at each step, at the chosen level. */
export default async function ScenarioPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ level?: string }>;
}) {
  const scenario = findScenario((await params).id);
  const requested = (await searchParams).level;
  const level: Level = LEVELS.includes(requested as Level) ? (requested as Level) : DEFAULT_LEVEL;

  return (
    <article className="space-y-8" data-testid="scenario-page">
      <header className="space-y-3">
        <p className="text-xs uppercase tracking-wide text-muted">{scenario.domain}</p>
        <h1 className="text-3xl font-semibold tracking-tight">{scenario.title}</h1>
        <p className="max-w-3xl text-muted">{scenario.summary}</p>
        <blockquote className="max-w-3xl border-l-4 border-indigo-300 pl-4 italic text-zinc-700 dark:text-zinc-300">
          {scenario.prompt}
        </blockquote>
        <StartInterviewButton scenarioId={scenario.id} scenarioTitle={scenario.title} level={level} />
      </header>
      <PassageSearch scenarioId={scenario.id} scenarioTitle={scenario.title} />
      <nav aria-label="Level" className="flex items-center gap-2 text-sm">
        <span>Expectations for</span>
        {LEVELS.map((l) => (
          <a
            key={l}
            href={`?level=${l}`}
            aria-current={l === level ? "page" : undefined}
            data-testid={`rubric-level-${l}`}
            className={`rounded-full border px-3 py-1 ${
              l === level ? "border-indigo-600 bg-indigo-600 text-white" : "border-zinc-300 dark:border-zinc-700"
            }`}
          >
            {l}
          </a>
        ))}
      </nav>
      <p className="max-w-3xl text-sm text-muted">
        The rubric is open: these are the items the scorer looks for. Each item is expected from the level shown on it
        upwards; items above your level still earn credit. Weight is 1 to 3.
      </p>
      <ScoreBands level={level} />
      {STEP_IDS.map((step) => (
        <RubricStep
          key={step}
          step={step}
          question={scenario.steps[step].question}
          items={scenario.steps[step].rubric.filter((item) => levelReaches(level, item.level))}
          hiddenAbove={scenario.steps[step].rubric.filter((item) => !levelReaches(level, item.level)).length}
        />
      ))}
    </article>
  );
}
