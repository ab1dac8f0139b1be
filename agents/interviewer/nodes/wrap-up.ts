import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { toMermaid } from "@/lib/diagram/mermaid/emit";
import { STEP_TITLES } from "@/lib/framework";
import { logger } from "@/lib/logger";
import type { InterviewerDependencies } from "../dependencies";
import { emitGraphEvent } from "../emit-graph-event";
import { interviewerTurn } from "../speak";
import type { State, Update } from "../state";

/** The diagram as Mermaid for the scorer, whose labels can earn credit; a diagram that cannot be read earns nothing. */
async function diagramForScoring(deps: InterviewerDependencies, interviewId: string): Promise<string | null> {
  try {
    const diagram = deps.readDiagram ? await deps.readDiagram(interviewId) : null;
    return diagram && diagram.nodes.length > 0 ? toMermaid(diagram) : null;
  } catch (error) {
    logger.warn(`reading the diagram of ${interviewId} for scoring failed: ${(error as Error).message}`);
    return null;
  }
}

/** Closes the interview with the score report: overall, the level it reads at, and the weakest step. */
export function createWrapUp(deps: InterviewerDependencies) {
  return async function wrapUp(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    // A drill is scored on its one step: the others were never asked.
    const diagram = await diagramForScoring(deps, state.interviewId);
    const report = await deps.scoreTranscript(
      {
        scenarioId: state.scenarioId,
        level: state.level,
        turns: state.turns.map(({ role, step, content }) => ({ role, step, content })),
        ...(diagram ? { diagram } : {}),
      },
      state.drill ? { steps: [state.step] } : {},
    );
    const weakest = report.steps.length > 1 ? [...report.steps].sort((a, b) => a.score - b.score)[0] : undefined;
    const lines = [
      state.drill
        ? `That's the end of the drill. Your score on ${STEP_TITLES[state.step]} is ${report.overall}/100 against a ${state.level} bar.`
        : `That's the end of the interview. Your score is ${report.overall}/100; your answers read at ${report.levelSignal.replace("-", " ")} level against a ${state.level} bar.`,
      weakest
        ? `Weakest step: ${STEP_TITLES[weakest.step]} (${weakest.score}/100).${weakest.nextToLearn ? ` Next to learn: ${weakest.nextToLearn}` : ""}`
        : "",
      "The full report, with the quotes behind every score, is below.",
    ];
    const citations = report.steps.flatMap((s) => s.citations);
    const text = lines.filter(Boolean).join("\n\n");
    // The report's numbers are said exactly as computed, never rephrased by a model.
    for (const word of text.split(/(?<=\s)/)) emitGraphEvent(config, { type: "token", token: word });
    return {
      status: "completed",
      report,
      citations,
      turns: [
        interviewerTurn(state, state.step, lines.filter(Boolean).join("\n\n"), { citations: weakest?.citations }),
      ],
    };
  };
}
