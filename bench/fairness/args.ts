/**
 * The arguments of `npm run bench:fairness`, read without side effects so they can be checked
 * on their own: how many timed turns identity A sends per phase and the pause between them, how
 * many heavy Lab runs identity B keeps going, and the tolerance that decides the verdict.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { UsageError } from "@/lib/cli/usage-error";

export const FAIRNESS_USAGE =
  "usage: npm run bench:fairness -- [--turns 40] [--warmup 10] [--pause 300] [--heavy 5] [--refire 250] [--tolerance 1.5] [--occupy off|on]";

export interface FairnessArgs {
  /** Timed turns A sends in each of the baseline and under-abuse phases. */
  turns: number;
  /** Untimed turns A sends first, so both timed phases meet a warm server. */
  warmupTurns: number;
  /** Pause between a reply's view and A's next message, ms (a person reads before typing). */
  pauseMs: number;
  /** Heavy Lab runs B tries to keep going at once. */
  heavy: number;
  /** B's pause after a refused (429) or busy (503) answer before firing again, ms: keeps the loop bounded. */
  refireMs: number;
  /** The verdict: under-abuse p95 may be at most this many times the baseline p95. */
  tolerance: number;
  /**
   * Whether a third identity, C, starts one heavy run before B begins, so the server's slot is
   * taken and B's runs meet the waiting line: does the one-run rule hold for runs in line too?
   */
  occupy: boolean;
}

const whole = (name: string, min: number, max: number) => {
  const sentence = `--${name} must be a whole number from ${min} to ${max}.`;
  return z.coerce.number({ error: sentence }).int(sentence).min(min, sentence).max(max, sentence);
};

const schema = z.object({
  turns: whole("turns", 5, 2000).default(40),
  warmup: whole("warmup", 0, 200).default(10),
  pause: whole("pause", 0, 10_000).default(300),
  heavy: whole("heavy", 1, 20).default(5),
  refire: whole("refire", 0, 10_000).default(250),
  tolerance: z.coerce
    .number({ error: "--tolerance must be a number from 1 to 10." })
    .min(1, "--tolerance must be a number from 1 to 10.")
    .max(10, "--tolerance must be a number from 1 to 10.")
    .default(1.5),
  occupy: z.enum(["off", "on"], { error: "--occupy must be off or on." }).default("off"),
});

const OPTIONS = ["turns", "warmup", "pause", "heavy", "refire", "tolerance", "occupy"] as const;

/** Reads `argv` (without the node and script paths); bad input throws a UsageError (exit 2). */
export function parseFairnessArgs(argv: string[]): FairnessArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: Object.fromEntries(OPTIONS.map((name) => [name, { type: "string" as const }])),
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${FAIRNESS_USAGE}`);
  }
  // An empty value ("--turns=") is not zero: it is missing a number.
  const blank = (value: string | undefined) => (value?.trim() === "" ? "not a number" : value);
  const parsed = schema.safeParse(Object.fromEntries(OPTIONS.map((name) => [name, blank(values[name])])));
  if (!parsed.success)
    throw new UsageError(`${parsed.error.issues[0]?.message ?? "Bad arguments."}\n${FAIRNESS_USAGE}`);
  const data = parsed.data;
  return {
    turns: data.turns,
    warmupTurns: data.warmup,
    pauseMs: data.pause,
    heavy: data.heavy,
    refireMs: data.refire,
    tolerance: data.tolerance,
    occupy: data.occupy === "on",
  };
}
