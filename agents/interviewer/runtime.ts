import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type { Database } from "@/db/client";
import { buildInterviewerGraph, type InterviewerGraph } from "./graph";

/** The schema that holds LangGraph's own checkpoint tables, apart from the app's tables. */
export const CHECKPOINT_SCHEMA = "langgraph";

const graphs = new WeakMap<Database, Promise<InterviewerGraph>>();

/** The compiled interviewer graph, checkpointing into the same database as the app. */
export function getInterviewerGraph(database: Database): Promise<InterviewerGraph> {
  let graph = graphs.get(database);
  if (!graph) {
    graph = (async () => {
      const checkpointer = new PostgresSaver(database.pool, undefined, { schema: CHECKPOINT_SCHEMA });
      await checkpointer.setup();
      return buildInterviewerGraph(checkpointer);
    })();
    graphs.set(database, graph);
  }
  return graph;
}
