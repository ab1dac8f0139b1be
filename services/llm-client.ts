import { getConfig } from "@/lib/env";
import { createLlmClient, type LlmClient } from "@/lib/llm/client";

const globalForLlm = globalThis as unknown as { probeLlmClient?: LlmClient | null };

/**
 * The process's model client, built once from the configuration (its circuit breaker and
 * retry state are shared by every caller), or null when no model is configured.
 */
export function getLlmClient(): LlmClient | null {
  if (globalForLlm.probeLlmClient === undefined) {
    const llm = getConfig().llm;
    globalForLlm.probeLlmClient = llm ? createLlmClient(llm) : null;
  }
  return globalForLlm.probeLlmClient;
}
