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

const booleanFlag = optionalString.refine((value) => value === undefined || /^(true|false|1|0|yes|no)$/i.test(value), {
  message: "must be true or false",
});

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
  ALLOW_REMOTE_MODELS: booleanFlag,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).optional(),
  PROBE_SECRET: optionalString.refine((value) => value === undefined || value.length >= 32, {
    message: "must be at least 32 characters",
  }),
});

export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export interface LlmConfig {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
}

export interface AppConfig {
  database: DatabaseConfig;
  dataDir: string;
  /** Null when neither a key nor a base URL is set: the offline interviewer runs. */
  llm: LlmConfig | null;
  embedding: { model: string; modelsDir: string; allowRemote: boolean };
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Signs identity cookies; unset, one is generated into the data dir. */
  secret: string | undefined;
}

/** A configuration problem; `message` is a sentence that names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const DEFAULT_MODEL_BY_ENDPOINT = "gpt-4o-mini";

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(true|1|yes)$/i.test(value);
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
  return {
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL }
      : { kind: "pglite", dataDir: path.join(dataDir, "pglite") },
    dataDir,
    llm,
    embedding: {
      model: env.EMBEDDING_MODEL ?? "Xenova/all-MiniLM-L6-v2",
      modelsDir: path.resolve(cwd, env.MODELS_DIR ?? path.join(dataDir, "models")),
      allowRemote: isTrue(env.ALLOW_REMOTE_MODELS),
    },
    logLevel: env.LOG_LEVEL ?? "info",
    secret: env.PROBE_SECRET,
  };
}

let cached: AppConfig | undefined;

/** The process's configuration, parsed once from `process.env`. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
