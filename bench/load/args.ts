/**
 * The arguments of `npm run bench:load`, read without side effects so they can be tested:
 * how many candidates at once, how many turns each, which databases, and how many servers.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { UsageError } from "@/lib/cli/usage-error";
import { type BenchDatabases, DATABASE_ARG, DATABASE_USAGE, selectBenchDatabases } from "../bench-databases";

export const LOAD_USAGE = `usage: npm run bench:load -- [--candidates N] [--turns N] ${DATABASE_USAGE} [--servers 1|2]`;

export interface LoadArgs {
  candidates: number;
  turnsPerCandidate: number;
  databases: BenchDatabases;
  servers: 1 | 2;
}

const wholeNumber = (name: string, max: number) =>
  z.coerce
    .number({ error: `--${name} must be a whole number from 1 to ${max}.` })
    .int(`--${name} must be a whole number from 1 to ${max}.`)
    .min(1, `--${name} must be a whole number from 1 to ${max}.`)
    .max(max, `--${name} must be a whole number from 1 to ${max}.`);

const schema = z.object({
  candidates: wholeNumber("candidates", 200).default(20),
  turns: wholeNumber("turns", 100).default(10),
  servers: z.enum(["1", "2"], { error: "--servers must be 1 or 2." }).default("1"),
});

/** Reads `argv` (without the node and script paths); bad input throws a UsageError (exit 2). */
export function parseLoadArgs(argv: string[], env: Record<string, string | undefined> = process.env): LoadArgs {
  let values: { candidates?: string; turns?: string; servers?: string; database?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        candidates: { type: "string" },
        turns: { type: "string" },
        servers: { type: "string" },
        ...DATABASE_ARG,
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${LOAD_USAGE}`);
  }
  // An empty value ("--turns=") is not zero: it is missing a number.
  const blank = (value: string | undefined) => (value?.trim() === "" ? "not a number" : value);
  const parsed = schema.safeParse({
    candidates: blank(values.candidates),
    turns: blank(values.turns),
    servers: values.servers,
  });
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message ?? "Bad arguments."}\n${LOAD_USAGE}`);
  const databases = selectBenchDatabases(values.database, env);
  const servers = parsed.data.servers === "2" ? 2 : 1;
  if (servers === 2 && databases.kinds.includes("pglite")) {
    throw new UsageError(
      "--servers 2 needs --database=postgres: PGlite lives inside one server process and cannot be shared.",
    );
  }
  return { candidates: parsed.data.candidates, turnsPerCandidate: parsed.data.turns, databases, servers };
}
