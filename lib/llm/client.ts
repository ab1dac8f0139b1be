import OpenAI from "openai";
import type { LlmConfig } from "@/lib/env";
import { CircuitBreaker } from "./circuit-breaker";
import { capRetryAfter, MAX_RETRY_AFTER_MS } from "./retry-after";

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
  /** The longest Retry-After waited for before retrying (default 5 s); longer ones fail at once. */
  maxRetryAfterMs?: number;
}

/**
 * The one factory for every model client: OpenAI with OPENAI_API_KEY, or any OpenAI-compatible
 * server (Ollama, vLLM, LM Studio, llama.cpp) with OPENAI_BASE_URL. Nothing else constructs one.
 */
export function createLlmClient(config: LlmConfig, options: LlmClientOptions = {}): LlmClient {
  const breaker = options.breaker ?? new CircuitBreaker();
  return {
    model: config.model,
    openai: new OpenAI({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      timeout: options.timeoutMs ?? 20_000,
      // The SDK backs off exponentially with jitter on 429 and 5xx and waits as long as a short
      // Retry-After asks; a long one is not retried and holds the breaker open instead.
      maxRetries: options.maxRetries ?? 2,
      fetch: capRetryAfter(
        (input, init) => fetch(input, init),
        (ms) => breaker.openFor(ms),
        options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS,
      ),
    }),
    breaker,
  };
}
