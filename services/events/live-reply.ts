import type { GraphEvent } from "@/lib/streams/stream-event";
import type { InterviewEventBus } from "./interview-event-bus";

/** Streamed words are stored in small batches: a row per batch, not per word, yet still live. */
const TOKEN_BATCH_MS = 25;

export interface LiveReply {
  /** Takes each event the graph emits: forwards it to the caller at once and publishes it for watchers. */
  onEvent(event: GraphEvent): void;
  /** Resolves when everything emitted so far is published, in order. */
  flush(): Promise<void>;
}

/**
 * The reply as it is produced, for the request that asked for it (`forward`) and for everyone
 * watching the interview on any server (`bus`). Publishing is chained, so events keep the order
 * they were emitted in; a publish that fails is logged by the bus and never fails the turn.
 */
export function createLiveReply(
  bus: InterviewEventBus,
  interviewId: string,
  forward?: (event: GraphEvent) => void,
): LiveReply {
  let chain: Promise<unknown> = Promise.resolve();
  let words = "";
  let timer: ReturnType<typeof setTimeout> | null = null;

  const publishWords = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!words) return;
    const token = words;
    words = "";
    chain = chain.then(() => bus.publish(interviewId, "token", { token }));
  };

  return {
    onEvent(event) {
      forward?.(event);
      if (event.type === "token") {
        words += event.token;
        timer ??= setTimeout(publishWords, TOKEN_BATCH_MS);
      } else if (event.type === "reset") {
        words = "";
        if (timer) clearTimeout(timer);
        timer = null;
        chain = chain.then(() => bus.publish(interviewId, "reset"));
      }
    },
    async flush() {
      publishWords();
      await chain;
    },
  };
}
