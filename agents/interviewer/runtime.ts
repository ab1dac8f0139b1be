import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type { Database } from "@/db/client";
import { getConfig } from "@/lib/env";
import { createLlmClient } from "@/lib/llm/client";
import { checkClaim } from "@/lib/pipelines/check-claim";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { createLlmJudge } from "@/lib/scoring/llm-judge";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import { searchGrounding, toCitation } from "@/lib/search/search-grounding";
import { getEmbedder } from "@/lib/server/embedder";
import type { InterviewerDependencies } from "./dependencies";
import { buildInterviewerGraph, type InterviewerGraph } from "./graph";
import { createModelClaimDetector } from "./model-claim-detector";
import { createModelPhraser } from "./model-phraser";

/** The schema that holds LangGraph's own checkpoint tables, apart from the app's tables. */
export const CHECKPOINT_SCHEMA = "langgraph";

const graphs = new WeakMap<Database, Promise<InterviewerGraph>>();

/** The production wiring: grounding from this database, and the configured model if there is one. */
export function dependenciesFor(database: Database): InterviewerDependencies {
  const llm = getConfig().llm;
  const client = llm ? createLlmClient(llm) : null;
  const judge = client ? createLlmJudge(client) : null;
  const retrieve: InterviewerDependencies["retrieve"] = async (input) => {
    const embedder = await getEmbedder();
    return (await searchGrounding({ db: database.db, embedder }, input)).map(toCitation);
  };
  return {
    retrieve,
    judge,
    phrase: client ? createModelPhraser(client) : null,
    runCheck: checkClaim,
    detectClaim: client ? createModelClaimDetector(client) : null,
    scoreTranscript: (transcript) =>
      scoreTranscript(transcript, {
        library: getScenarioLibrary(),
        retrieve,
        ...(judge ? { judge } : {}),
      }),
  };
}

/** The compiled interviewer graph, checkpointing into the same database as the app. */
export function getInterviewerGraph(
  database: Database,
  deps: InterviewerDependencies = dependenciesFor(database),
): Promise<InterviewerGraph> {
  let graph = graphs.get(database);
  if (!graph) {
    graph = (async () => {
      const checkpointer = new PostgresSaver(database.pool, undefined, { schema: CHECKPOINT_SCHEMA });
      await checkpointer.setup();
      return buildInterviewerGraph(checkpointer, deps);
    })();
    graphs.set(database, graph);
  }
  return graph;
}
