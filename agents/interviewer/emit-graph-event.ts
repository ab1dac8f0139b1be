import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { GraphEvent } from "@/lib/streams/stream-event";

/** Hands an event to whoever streams this run (the service forwards it to the reply and the watchers). */
export function emitGraphEvent(config: LangGraphRunnableConfig, event: GraphEvent): void {
  config.writer?.(event);
}
