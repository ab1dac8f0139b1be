/**
 * `npm run bench:retrieval [-- --set tuning|held-out|all]`: hit@1, hit@5 and MRR of the
 * grounding search on labelled query sets, each measured on its own over the same index: BM25
 * alone, the vector index alone, the hybrid that `searchGrounding` serves, and the hybrid with
 * the cross-encoder when one can be loaded. Also query latency with the query embedding
 * included, and how often HNSW returns the same top 10 as an exact scan, per ef_search.
 *
 * tuning-set.json is what the search was tuned on; held-out-set.json is written by someone
 * else and must never be tuned on, so its queries and misses are never printed here, only
 * its figures. Runs on a fresh embedded database with the whole library indexed. Prints
 * tables, then JSON.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { type PassageHit, searchPassagesByVector } from "@/db/queries/search";
import { formatTable } from "@/lib/cli/print-table";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { chooseEmbedder } from "@/lib/embeddings/get-embedder";
import { chooseReranker } from "@/lib/embeddings/get-reranker";
import { getConfig } from "@/lib/env";
import { loadScenarioLibrary } from "@/lib/scenarios/load";
import { scenarioIdSchema, stepIdSchema } from "@/lib/scenarios/schema";
import { expandQuery } from "@/lib/search/expand-query";
import { rankLexically } from "@/lib/search/rank-lexically";
import {
  type GroundingResult,
  rankByVector,
  type SearchDependencies,
  searchGrounding,
  toGroundingResults,
} from "@/lib/search/search-grounding";
import { seedLibrary } from "@/lib/seed/seed-library";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";

const querySetSchema = z.array(
  z.object({
    id: z.string(),
    query: z.string(),
    kind: z.enum(["lexical", "paraphrase"]),
    scenarioId: scenarioIdSchema.nullable(),
    relevant: z.array(z.object({ scenarioId: scenarioIdSchema.nullable(), step: stepIdSchema })).min(1),
  }),
);
type LabelledQuery = z.infer<typeof querySetSchema>[number];

const SET_FILES = { tuning: "tuning-set.json", "held-out": "held-out-set.json" } as const;
type SetName = keyof typeof SET_FILES;
const RANKINGS = ["bm25 only", "vector only", "hybrid", "hybrid + reranker"] as const;
type Ranking = (typeof RANKINGS)[number];

const K = 10;
const EF_SWEEP = [10, 20, 40, 64, 100, 200];
const DEFAULT_EF = 100;
const TIMED_PASSES = 3;

function readSetOption(): SetName | "all" {
  let values: { set?: string };
  try {
    ({ values } = parseArgs({ options: { set: { type: "string", default: "all" } } }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Usage: npm run bench:retrieval -- [--set tuning|held-out|all]`);
  }
  const set = values.set ?? "all";
  if (set !== "all" && !(set in SET_FILES))
    throw new UsageError(`--set must be tuning, held-out or all (got "${set}").`);
  return set as SetName | "all";
}

function loadSets(option: SetName | "all"): Array<{ name: SetName; queries: LabelledQuery[] }> {
  const file = (name: SetName) => path.join(import.meta.dirname, SET_FILES[name]);
  const names: SetName[] = option === "all" ? ["tuning", "held-out"] : [option];
  const present = names.filter((name) => existsSync(file(name)));
  if (option === "held-out" && present.length === 0) throw new UsageError(`${SET_FILES["held-out"]} is absent.`);
  if (present.length < names.length) console.log(`note: ${SET_FILES["held-out"]} is absent; measuring tuning only.`);
  return present.map((name) => ({ name, queries: querySetSchema.parse(JSON.parse(readFileSync(file(name), "utf8"))) }));
}

/** A result answers the query when its scenario and one of its steps are labelled relevant. */
function firstHitRank(results: GroundingResult[], query: LabelledQuery): number | null {
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

type Search = (q: LabelledQuery) => Promise<GroundingResult[]>;
/** Every ranking but the re-ranked one, which needs a re-ranker. */
type Searches = Record<Exclude<Ranking, "hybrid + reranker">, Search> & { "hybrid + reranker"?: Search };

/**
 * The rankings a run measures, one result per passage each: BM25 (with its feedback) and the
 * vector index as `searchGrounding` runs them, then `searchGrounding` itself.
 */
function rankingsOf(deps: SearchDependencies): Searches {
  const asResults = (hits: PassageHit[]) =>
    toGroundingResults(
      hits.map((item) => ({ item, score: item.score })),
      undefined,
      K,
    );
  const filterOf = (q: LabelledQuery) => ({ scenarioId: q.scenarioId ?? undefined });
  const { reranker, ...withoutReranker } = deps;
  return {
    "bm25 only": async (q) => asResults(await rankLexically(deps.db, q.query, filterOf(q))),
    "vector only": async (q) => asResults(await rankByVector(deps, q.query, filterOf(q))),
    hybrid: (q) => searchGrounding(withoutReranker, { query: q.query, k: K, ...filterOf(q) }),
    ...(reranker && {
      "hybrid + reranker": (q: LabelledQuery) => searchGrounding(deps, { query: q.query, k: K, ...filterOf(q) }),
    }),
  };
}

async function measureSet(searches: Searches, name: SetName, queries: LabelledQuery[]) {
  const rows: Partial<Record<Ranking, ReturnType<typeof summarise>>> = {};
  const misses: string[] = [];
  for (const ranking of RANKINGS) {
    const search = searches[ranking];
    if (!search) continue;
    const ranks: Array<{ kind: LabelledQuery["kind"]; rank: number | null }> = [];
    for (const q of queries) {
      const rank = firstHitRank(await search(q), q);
      ranks.push({ kind: q.kind, rank });
      // Held-out queries are never printed: reading them would be tuning on them.
      if (ranking === "hybrid" && name === "tuning" && (rank === null || rank > 5))
        misses.push(`${q.id} [${q.kind}] ${q.query}`);
    }
    rows[ranking] = summarise(ranks);
  }
  return { queries: queries.length, rows, ...(name === "tuning" && { hybridMissesAt5: misses }) };
}

function summarise(ranks: Array<{ kind: LabelledQuery["kind"]; rank: number | null }>) {
  return {
    overall: quality(ranks.map((r) => r.rank)),
    paraphrase: quality(ranks.filter((r) => r.kind === "paraphrase").map((r) => r.rank)),
    lexical: quality(ranks.filter((r) => r.kind === "lexical").map((r) => r.rank)),
  };
}

async function timeSearches(search: Search, queries: LabelledQuery[]) {
  for (const q of queries.slice(0, 10)) await search(q); // warm-up
  const latencies: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (const q of queries) {
      const start = performance.now();
      await search(q);
      latencies.push(performance.now() - start);
    }
  }
  return {
    p50: round(quantile(latencies, 0.5), 2),
    p99: round(quantile(latencies, 0.99), 2),
    samples: latencies.length,
  };
}

/** HNSW against an exact scan, on the same query vectors and filters the vector ranking uses. */
async function sweepEfSearch(deps: SearchDependencies, queries: LabelledQuery[]) {
  const vectors = await deps.embedder.embed(queries.map((q) => expandQuery(q.query).text));
  const top10 = async (i: number, options: { exact: true } | { efSearch: number }) =>
    (
      await searchPassagesByVector({
        db: deps.db,
        embedding: vectors[i] as Float32Array,
        modelId: deps.embedder.modelId,
        filter: { scenarioId: queries[i]?.scenarioId ?? undefined },
        limit: 10,
        ...options,
      })
    ).map((h) => h.id);
  const exactTop: string[][] = [];
  for (const i of queries.keys()) exactTop.push(await top10(i, { exact: true }));
  const sweep: Array<{ efSearch: number; sameTop10: number }> = [];
  for (const efSearch of EF_SWEEP) {
    let same = 0;
    for (const i of queries.keys()) {
      const ids = new Set(await top10(i, { efSearch }));
      if (ids.size === exactTop[i]?.length && (exactTop[i] ?? []).every((id) => ids.has(id))) same++;
    }
    sweep.push({ efSearch, sameTop10: round(same / queries.length) });
  }
  return { defaultEfSearch: DEFAULT_EF, queries: queries.length, sweep };
}

async function main(): Promise<void> {
  const sets = loadSets(readSetOption());
  const dataDir = mkdtempSync(path.join(tmpdir(), "probe-bench-retrieval-"));
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    await runMigrations(database);
    const config = getConfig();
    const { embedder, fallbackReason } = await chooseEmbedder({ config: config.embedding, dimension: 384 });
    const { reranker, reason: rerankerNote } = await chooseReranker({ config: config.reranker });
    const seedStart = performance.now();
    const seeded = await seedLibrary({ db: database.db, library: loadScenarioLibrary(), embedder });
    const seedSeconds = round((performance.now() - seedStart) / 1000, 1);
    const deps: SearchDependencies = { db: database.db, embedder, efSearch: DEFAULT_EF, ...(reranker && { reranker }) };
    const searches = rankingsOf(deps);

    const results: Partial<Record<SetName, Awaited<ReturnType<typeof measureSet>>>> = {};
    for (const { name, queries } of sets) results[name] = await measureSet(searches, name, queries);
    const allQueries = sets.flatMap((s) => s.queries);
    const latencyMs = {
      hybrid: await timeSearches(searches.hybrid, allQueries),
      ...(searches["hybrid + reranker"] && {
        hybridReranker: await timeSearches(searches["hybrid + reranker"], allQueries),
      }),
    };
    const report = {
      machine: describeMachine(),
      embedder: { modelId: embedder.modelId, kind: embedder.kind, fallbackReason },
      reranker: reranker ? { modelId: reranker.modelId } : { modelId: null, note: rerankerNote },
      index: { chunks: seeded.passagesTotal, seedSeconds },
      sets: results,
      latencyMs,
      hnswVsExact: await sweepEfSearch(deps, allQueries),
    };

    const table: Array<Array<string | number>> = [];
    for (const [name, set] of Object.entries(results)) {
      for (const [ranking, row] of Object.entries(set.rows)) {
        for (const slice of ["overall", "paraphrase", "lexical"] as const) {
          const q = row[slice];
          table.push([name, ranking, slice, q.queries, q.hitAt1, q.hitAt5, q.mrr]);
        }
      }
    }
    console.log(formatTable(["set", "ranking", "slice", "queries", "hit@1", "hit@5", "MRR"], table));
    if (!reranker) console.log(`\nhybrid + reranker: not measured (${rerankerNote})`);
    const latencyLine = (name: string, l: { p50: number; p99: number; samples: number }) =>
      `${name}: p50 ${l.p50} ms, p99 ${l.p99} ms over ${l.samples} searches`;
    console.log(`\nlatency, query embedding included\n  ${latencyLine("hybrid", latencyMs.hybrid)}`);
    if (latencyMs.hybridReranker) console.log(`  ${latencyLine("hybrid + reranker", latencyMs.hybridReranker)}`);
    console.log(
      `\n${formatTable(
        ["ef_search", "same top 10 as exact"],
        report.hnswVsExact.sweep.map((a) => [a.efSearch, a.sameTop10]),
      )}`,
    );
    console.log(`\nembedder: ${embedder.modelId}; ${seeded.passagesTotal} chunks indexed in ${seedSeconds} s\n`);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runCli(main, () => null);
