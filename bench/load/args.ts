/**
 * The arguments of `npm run bench:load`, read without side effects so they can be tested: how
 * many candidates at once, for how long, how long each thinks between a reply and its next
 * message, which databases and servers, and the stress phase.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { UsageError } from "@/lib/cli/usage-error";
import { type BenchDatabases, DATABASE_ARG, DATABASE_USAGE, selectBenchDatabases } from "../bench-databases";

export const LOAD_USAGE = `usage: npm run bench:load -- [--candidates 50] [--duration 300] [--think 5000] [--turns N] [--warmup 60 (or a fifth of a shorter run)] ${DATABASE_USAGE} [--servers 1|2] [--stress on|off] [--stress-seconds 20] [--seed 1]`;

export interface LoadArgs {
  candidates: number;
  /** How long candidates keep sending, seconds. */
  durationSeconds: number;
  /** Mean wait between a reply and the next message, ms (each wait is drawn from half to 1.5 times it). */
  thinkMs: number;
  /** A cap on each candidate's messages (null: until the duration ends). */
  turnsPerCandidate: number | null;
  /** Seconds after which memory should be flat: growth is measured from here on. */
  warmupSeconds: number;
  databases: BenchDatabases;
  servers: 1 | 2;
  /** Whether to find the most turns per second one server sustains with p99 under 1 s. */
  stress: boolean;
  stressSeconds: number;
  seed: number;
}

const wholeNumber = (name: string, min: number, max: number) => {
  const sentence = `--${name} must be a whole number from ${min} to ${max}.`;
  return z.coerce.number({ error: sentence }).int(sentence).min(min, sentence).max(max, sentence);
};

const schema = z
  .object({
    candidates: wholeNumber("candidates", 1, 500).default(50),
    duration: wholeNumber("duration", 5, 3600).default(300),
    think: wholeNumber("think", 0, 60_000).default(5000),
    turns: wholeNumber("turns", 1, 10_000).optional(),
    warmup: wholeNumber("warmup", 0, 3600).optional(),
    servers: z.enum(["1", "2"], { error: "--servers must be 1 or 2." }).default("1"),
    stress: z.enum(["on", "off"], { error: "--stress must be on or off." }).default("on"),
    "stress-seconds": wholeNumber("stress-seconds", 5, 300).default(20),
    seed: wholeNumber("seed", 1, 2 ** 31 - 1).default(1),
  })
  .refine((args) => args.warmup === undefined || args.warmup < args.duration, {
    message: "--warmup must be shorter than --duration: memory growth is measured after the warm-up.",
  });

const OPTIONS = ["candidates", "duration", "think", "turns", "warmup", "servers", "stress", "stress-seconds", "seed"];

/** Reads `argv` (without the node and script paths); bad input throws a UsageError (exit 2). */
export function parseLoadArgs(argv: string[], env: Record<string, string | undefined> = process.env): LoadArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(OPTIONS.map((name) => [name, { type: "string" as const }])),
        ...DATABASE_ARG,
      },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${LOAD_USAGE}`);
  }
  // An empty value ("--turns=") is not zero: it is missing a number.
  const blank = (value: string | undefined) => (value?.trim() === "" ? "not a number" : value);
  const parsed = schema.safeParse(Object.fromEntries(OPTIONS.map((name) => [name, blank(values[name])])));
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message ?? "Bad arguments."}\n${LOAD_USAGE}`);
  const databases = selectBenchDatabases(values.database, env);
  const servers = parsed.data.servers === "2" ? 2 : 1;
  if (servers === 2 && databases.kinds.includes("pglite")) {
    throw new UsageError(
      "--servers 2 needs --database=postgres: PGlite lives inside one server process and cannot be shared.",
    );
  }
  const data = parsed.data;
  return {
    candidates: data.candidates,
    durationSeconds: data.duration,
    thinkMs: data.think,
    turnsPerCandidate: data.turns ?? null,
    // A minute, or a fifth of a shorter run.
    warmupSeconds: data.warmup ?? Math.min(60, Math.floor(data.duration / 5)),
    databases,
    servers,
    stress: data.stress === "on",
    stressSeconds: data["stress-seconds"],
    seed: data.seed,
  };
}
