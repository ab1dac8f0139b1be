import path from "node:path";
import { z } from "zod";

/**
 * The only module that reads `process.env`. Everything else imports typed config from here.
 * A bad value fails with a sentence that names the variable.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalUrl = (protocols: string[]) =>
  optionalString.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}` },
  );

/** A comma-separated list of origins such as `https://probe.example.com`; each must be http(s). */
const originList = optionalString.refine(
  (value) =>
    value === undefined ||
    value.split(",").every((item) => {
      const trimmed = item.trim();
      if (trimmed === "") return true;
      try {
        const url = new URL(trimmed);
        return (url.protocol === "http:" || url.protocol === "https:") && url.origin === trimmed.replace(/\/$/, "");
      } catch {
        return false;
      }
    }),
  { message: "must be a comma-separated list of origins such as https://probe.example.com" },
);

const booleanFlag = optionalString.refine((value) => value === undefined || /^(true|false|1|0|yes|no)$/i.test(value), {
  message: "must be true or false",
});

const onOffFlag = optionalString.refine(
  (value) => value === undefined || /^(on|off|true|false|1|0|yes|no)$/i.test(value),
  { message: "must be on or off" },
);

export const envSchema = z.object({
  DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]).describe(
    "Postgres with pgvector; unset uses the embedded PGlite database",
  ),
  PROBE_DATA_DIR: optionalString.describe("where the embedded database and generated secrets live"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl(["http:", "https:"]),
  LLM_MODEL: optionalString,
  EMBEDDING_MODEL: optionalString,
  MODELS_DIR: optionalString,
  ALLOW_REMOTE_MODELS: booleanFlag.describe("fetch a missing model once from MODEL_HUB_URL; default true"),
  MODEL_HUB_URL: optionalUrl(["http:", "https:"]).describe("where missing models are fetched from"),
  RERANKER: onOffFlag.describe("off disables the cross-encoder re-ranker"),
  RERANKER_MODEL: optionalString,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).optional(),
  PROBE_SECRET: optionalString.refine((value) => value === undefined || value.length >= 32, {
    message: "must be at least 32 characters",
  }),
  PROBE_ALLOWED_ORIGINS: originList.describe(
    "origins besides the server's own from which pages may change data (a reverse proxy's public origin)",
  ),
  NODE_ENV: optionalString,
  RATE_LIMIT_SCALE: z
    .preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      z.coerce.number().positive("must be a number above 0").max(1_000_000, "must be at most 1,000,000").optional(),
    )
    .describe("multiplies every per-identity rate limit (a shared office NAT, a benchmark); default 1"),
  PIPELINE_STALE_SECONDS: z
    .preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      z.coerce
        .number()
        .int("must be a whole number of seconds")
        .min(1, "must be at least 1")
        .max(3600, "must be at most 3600")
        .optional(),
    )
    .describe("seconds without a heartbeat after which a running pipeline run belongs to a dead server; default 60"),
});

export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export interface LlmConfig {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
}

/** Where one transformers.js model is looked for, and whether and from where it may be fetched. */
export interface ModelConfig {
  model: string;
  /** Local models in the transformers.js layout: `<modelsDir>/<model id>/...`. */
  modelsDir: string;
  /** Fetch the model once into `modelsDir` when it is not there. */
  allowRemote: boolean;
  /** The hub's base URL, ending in a slash; files live under `<hubUrl><model id>/resolve/main/`. */
  hubUrl: string;
}

export interface AppConfig {
  database: DatabaseConfig;
  dataDir: string;
  /** Null when neither a key nor a base URL is set: the offline interviewer runs. */
  llm: LlmConfig | null;
  embedding: ModelConfig;
  /** The cross-encoder that re-orders search results; null when RERANKER=off. */
  reranker: ModelConfig | null;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Signs identity cookies; unset, one is generated into the data dir. */
  secret: string | undefined;
  /**
   * Origins, besides the one a request names in its Host header, whose pages may send
   * state-changing API requests: the public origin when a reverse proxy rewrites Host.
   */
  allowedOrigins: string[];
  /** True under `next dev` (NODE_ENV=development): the CSP then allows the eval React's dev build needs. */
  development: boolean;
  /** Multiplies every per-identity rate limit (services/rate-limits.ts); 1 by default. */
  rateLimitScale: number;
  /** How long a running pipeline run may go without a heartbeat before it is failed as orphaned. */
  pipelineStaleMs: number;
}

/** A configuration problem; `message` is a sentence that names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const DEFAULT_MODEL_BY_ENDPOINT = "gpt-4o-mini";
const DEFAULT_EMBEDDING_MODEL = "Xenova/all-MiniLM-L6-v2";
const DEFAULT_RERANKER_MODEL = "Xenova/ms-marco-MiniLM-L-6-v2";
const DEFAULT_MODEL_HUB_URL = "https://huggingface.co/";

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(true|1|yes|on)$/i.test(value);
}

/** A base URL must end in a slash, or `new URL(file, base)` would drop its last path segment. */
function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** Parses an environment into the app's configuration; throws ConfigError on a bad value. */
export function parseConfig(source: Record<string, string | undefined>, cwd = process.cwd()): AppConfig {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const sentences = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      return `${name} ${issue.message.replace(/^Invalid option: expected one of /, "must be one of ")} (got "${source[name] ?? ""}").`;
    });
    throw new ConfigError(`Invalid configuration: ${sentences.join(" ")}`);
  }
  const env = result.data;
  const dataDir = path.resolve(cwd, env.PROBE_DATA_DIR ?? ".data");
  const llm =
    env.OPENAI_API_KEY || env.OPENAI_BASE_URL
      ? {
          // Local OpenAI-compatible servers (Ollama, vLLM) ignore the key but the SDK requires one.
          apiKey: env.OPENAI_API_KEY ?? "not-needed",
          baseURL: env.OPENAI_BASE_URL,
          model: env.LLM_MODEL ?? DEFAULT_MODEL_BY_ENDPOINT,
        }
      : null;
  const models = {
    modelsDir: path.resolve(cwd, env.MODELS_DIR ?? path.join(dataDir, "models")),
    allowRemote: env.ALLOW_REMOTE_MODELS === undefined || isTrue(env.ALLOW_REMOTE_MODELS),
    hubUrl: withTrailingSlash(env.MODEL_HUB_URL ?? DEFAULT_MODEL_HUB_URL),
  };
  return {
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL }
      : { kind: "pglite", dataDir: path.join(dataDir, "pglite") },
    dataDir,
    llm,
    embedding: { model: env.EMBEDDING_MODEL ?? DEFAULT_EMBEDDING_MODEL, ...models },
    reranker:
      env.RERANKER === undefined || isTrue(env.RERANKER)
        ? { model: env.RERANKER_MODEL ?? DEFAULT_RERANKER_MODEL, ...models }
        : null,
    logLevel: env.LOG_LEVEL ?? "info",
    secret: env.PROBE_SECRET,
    allowedOrigins: (env.PROBE_ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "")
      .map((item) => new URL(item).origin),
    development: env.NODE_ENV === "development",
    rateLimitScale: env.RATE_LIMIT_SCALE ?? 1,
    pipelineStaleMs: (env.PIPELINE_STALE_SECONDS ?? 60) * 1000,
  };
}

let cached: AppConfig | undefined;

/** The process's configuration, parsed once from `process.env`. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
