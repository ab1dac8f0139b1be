import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type { Database } from "@/db/client";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import { searchGrounding } from "@/lib/search/search-grounding";
import { getEmbedder } from "@/lib/server/embedder";
import type { InterviewerDependencies } from "./dependencies";
import { buildInterviewerGraph, type InterviewerGraph } from "./graph";

/** The schema that holds LangGraph's own checkpoint tables, apart from the app's tables. */
export const CHECKPOINT_SCHEMA = "langgraph";

const graphs = new WeakMap<Database, Promise<InterviewerGraph>>();

/** Scoring with citations from this database's grounding index. */
function dependenciesFor(database: Database): InterviewerDependencies {
  return {
    scoreTranscript: async (transcript) => {
      const embedder = await getEmbedder();
      return scoreTranscript(transcript, {
        library: getScenarioLibrary(),
        retrieve: async (input) =>
          (await searchGrounding({ db: database.db, embedder }, input)).map(({ chunkId, scenarioId, step, title }) => ({
            chunkId,
            scenarioId,
            step,
            title,
          })),
      });
    },
  };
}

/** The compiled interviewer graph, checkpointing into the same database as the app. */
export function getInterviewerGraph(database: Database): Promise<InterviewerGraph> {
  let graph = graphs.get(database);
  if (!graph) {
    graph = (async () => {
      const checkpointer = new PostgresSaver(database.pool, undefined, { schema: CHECKPOINT_SCHEMA });
      await checkpointer.setup();
      return buildInterviewerGraph(checkpointer, dependenciesFor(database));
    })();
    graphs.set(database, graph);
  }
  return graph;
}
