import OpenAI from "openai";
import type { LlmConfig } from "@/lib/env";
import { CircuitBreaker } from "./circuit-breaker";

/** A configured model: the SDK client (timeouts, retries with backoff on 429 and 5xx) and its breaker. */
export interface LlmClient {
  model: string;
  openai: OpenAI;
  breaker: CircuitBreaker;
}

export interface LlmClientOptions {
  timeoutMs?: number;
  maxRetries?: number;
  breaker?: CircuitBreaker;
}

/**
 * The one factory for every model client: OpenAI with OPENAI_API_KEY, or any OpenAI-compatible
 * server (Ollama, vLLM, LM Studio, llama.cpp) with OPENAI_BASE_URL. Nothing else constructs one.
 */
export function createLlmClient(config: LlmConfig, options: LlmClientOptions = {}): LlmClient {
  return {
    model: config.model,
    openai: new OpenAI({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      timeout: options.timeoutMs ?? 20_000,
      // The SDK backs off exponentially with jitter and honours Retry-After on 429 and 5xx.
      maxRetries: options.maxRetries ?? 2,
    }),
    breaker: options.breaker ?? new CircuitBreaker(),
  };
}
