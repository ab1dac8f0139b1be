/**
 * The labelled query sets of `npm run bench:retrieval` (tuning and held out) and the quality
 * figures over them: hit@1, hit@5 and MRR, overall and for paraphrased and lexical queries.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { UsageError } from "@/lib/cli/usage-error";
import { scenarioIdSchema, stepIdSchema } from "@/lib/scenarios/schema";
import type { GroundingResult } from "@/lib/search/search-grounding";
import { round } from "../lib/stats";

const querySetSchema = z.array(
  z.object({
    id: z.string(),
    query: z.string(),
    kind: z.enum(["lexical", "paraphrase"]),
    scenarioId: scenarioIdSchema.nullable(),
    relevant: z.array(z.object({ scenarioId: scenarioIdSchema.nullable(), step: stepIdSchema })).min(1),
  }),
);
export type LabelledQuery = z.infer<typeof querySetSchema>[number];

export const SET_FILES = { tuning: "tuning-set.json", "held-out": "held-out-set.json" } as const;
export type SetName = keyof typeof SET_FILES;
export function loadSets(option: SetName | "all"): Array<{ name: SetName; queries: LabelledQuery[] }> {
  const file = (name: SetName) => path.join(import.meta.dirname, SET_FILES[name]);
  const names: SetName[] = option === "all" ? ["tuning", "held-out"] : [option];
  const present = names.filter((name) => existsSync(file(name)));
  if (option === "held-out" && present.length === 0) throw new UsageError(`${SET_FILES["held-out"]} is absent.`);
  if (present.length < names.length) console.log(`note: ${SET_FILES["held-out"]} is absent; measuring tuning only.`);
  return present.map((name) => ({ name, queries: querySetSchema.parse(JSON.parse(readFileSync(file(name), "utf8"))) }));
}

/** A result answers the query when its scenario and one of its steps are labelled relevant. */
export function firstHitRank(results: GroundingResult[], query: LabelledQuery): number | null {
  const index = results.findIndex((r) =>
    query.relevant.some((l) => l.scenarioId === r.scenarioId && r.steps.includes(l.step)),
  );
  return index === -1 ? null : index + 1;
}

function quality(ranks: Array<number | null>) {
  const n = ranks.length;
  return {
    queries: n,
    hitAt1: round(ranks.filter((r) => r === 1).length / n),
    hitAt5: round(ranks.filter((r) => r !== null && r <= 5).length / n),
    mrr: round(ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / n),
  };
}

export function summarise(ranks: Array<{ kind: LabelledQuery["kind"]; rank: number | null }>) {
  return {
    overall: quality(ranks.map((r) => r.rank)),
    paraphrase: quality(ranks.filter((r) => r.kind === "paraphrase").map((r) => r.rank)),
    lexical: quality(ranks.filter((r) => r.kind === "lexical").map((r) => r.rank)),
  };
}
