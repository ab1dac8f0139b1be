import { parseArgs } from "node:util";
import { type PassageHit, searchPassagesByVector } from "@/db/queries/search";
import { formatTable } from "@/lib/cli/print-table";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { chooseEmbedder } from "@/lib/embeddings/get-embedder";
import { chooseReranker } from "@/lib/embeddings/get-reranker";
import { getConfig } from "@/lib/env";
import { loadScenarioLibrary } from "@/lib/scenarios/load";
import { expandQuery } from "@/lib/search/expand-query";
import { rankLexically } from "@/lib/search/rank-lexically";
import {
  type GroundingResult,
  rankByVector,
  type SearchDependencies,
  searchGrounding,
  toGroundingResults,
} from "@/lib/search/search-grounding";
import {
  type BenchDatabaseKind,
  DATABASE_ARG,
  DATABASE_USAGE,
  describeDatabase,
  migrateAndSeed,
  selectBenchDatabases,
  withBenchDatabase,
} from "../bench-databases";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";
import { firstHitRank, type LabelledQuery, loadSets, SET_FILES, type SetName, summarise } from "./query-sets";

const RANKINGS = ["bm25 only", "vector only", "hybrid", "hybrid + reranker"] as const;
type Ranking = (typeof RANKINGS)[number];

const K = 10;
const EF_SWEEP = [10, 20, 40, 64, 100, 200];
const DEFAULT_EF = 100;
const TIMED_PASSES = 3;

function readOptions(): { set: SetName | "all"; database: string | undefined } {
  let values: { set?: string; database?: string };
  try {
    ({ values } = parseArgs({ options: { set: { type: "string", default: "all" }, ...DATABASE_ARG } }));
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}. Usage: npm run bench:retrieval -- [--set tuning|held-out|all] ${DATABASE_USAGE}`,
    );
  }
  const set = values.set ?? "all";
  if (set !== "all" && !(set in SET_FILES))
    throw new UsageError(`--set must be tuning, held-out or all (got "${set}").`);
  return { set: set as SetName | "all", database: values.database };
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

type LatencyFigures = Awaited<ReturnType<typeof timeSearches>>;

/** One database's figures: the same measurement on a fresh database of that kind. */
async function measureOn(
  kind: BenchDatabaseKind,
  serverUrl: string | null,
  sets: Array<{ name: SetName; queries: LabelledQuery[] }>,
  models: Pick<SearchDependencies, "embedder" | "reranker">,
) {
  return withBenchDatabase(kind, serverUrl, async (database) => {
    const seedStart = performance.now();
    const seeded = await migrateAndSeed(database, loadScenarioLibrary(), models.embedder);
    const seedSeconds = round((performance.now() - seedStart) / 1000, 1);
    const deps: SearchDependencies = { db: database.db, efSearch: DEFAULT_EF, ...models };
    const searches = rankingsOf(deps);
    const results: Partial<Record<SetName, Awaited<ReturnType<typeof measureSet>>>> = {};
    for (const { name, queries } of sets) results[name] = await measureSet(searches, name, queries);
    const allQueries = sets.flatMap((s) => s.queries);
    const latencyMs: { hybrid: LatencyFigures; hybridReranker?: LatencyFigures } = {
      hybrid: await timeSearches(searches.hybrid, allQueries),
      ...(searches["hybrid + reranker"] && {
        hybridReranker: await timeSearches(searches["hybrid + reranker"], allQueries),
      }),
    };
    return {
      database: kind,
      server: await describeDatabase(database),
      index: { chunks: seeded.passagesTotal, seedSeconds },
      sets: results,
      latencyMs,
      hnswVsExact: await sweepEfSearch(deps, allQueries),
    };
  });
}

type Measured = Awaited<ReturnType<typeof measureOn>>;

async function main(): Promise<void> {
  const options = readOptions();
  const sets = loadSets(options.set);
  const { kinds, serverUrl, note } = selectBenchDatabases(options.database);
  if (note) console.log(note);
  const config = getConfig();
  const { embedder, fallbackReason } = await chooseEmbedder({ config: config.embedding, dimension: 384 });
  const { reranker, reason: rerankerNote } = await chooseReranker({ config: config.reranker });
  const measured: Measured[] = [];
  for (const kind of kinds)
    measured.push(await measureOn(kind, serverUrl, sets, { embedder, ...(reranker && { reranker }) }));
  const first = measured[0];
  if (!first) throw new Error("no database was measured");

  // One column per database, one row per figure.
  const header = ["set", "ranking", "slice", "queries", ...measured.map((m) => `${m.database} hit@1 / hit@5 / MRR`)];
  const table: Array<Array<string | number>> = [];
  for (const [name, set] of Object.entries(first.sets)) {
    for (const ranking of Object.keys(set.rows) as Ranking[]) {
      for (const slice of ["overall", "paraphrase", "lexical"] as const) {
        const q = set.rows[ranking]?.[slice];
        if (!q) continue;
        table.push([
          name,
          ranking,
          slice,
          q.queries,
          ...measured.map((m) => {
            const r = m.sets[name as SetName]?.rows[ranking]?.[slice];
            return r ? `${r.hitAt1} / ${r.hitAt5} / ${r.mrr}` : "-";
          }),
        ]);
      }
    }
  }
  console.log(formatTable(header, table));
  if (!reranker) console.log(`\nhybrid + reranker: not measured (${rerankerNote})`);

  const latency = (l: LatencyFigures | undefined) => (l ? `${l.p50} / ${l.p99} (${l.samples})` : "-");
  type Figure = [string, (m: Measured) => string | number];
  const figures: Figure[] = [
    ["hybrid latency p50 / p99 ms (searches)", (m) => latency(m.latencyMs.hybrid)],
    ...(reranker
      ? [["hybrid + reranker latency p50 / p99 ms (searches)", (m) => latency(m.latencyMs.hybridReranker)] as Figure]
      : []),
    ...first.hnswVsExact.sweep.map(
      (a, i): Figure => [
        `same top 10 as exact, ef_search ${a.efSearch}${a.efSearch === DEFAULT_EF ? " (default)" : ""}`,
        (m) => m.hnswVsExact.sweep[i]?.sameTop10 ?? "-",
      ],
    ),
    ["chunks indexed", (m) => m.index.chunks],
    ["migrate + seed s", (m) => m.index.seedSeconds],
  ];
  console.log(
    `\n${formatTable(
      ["figure", ...measured.map((m) => `${m.database}: ${m.server}`)],
      figures.map(([label, of]) => [label, ...measured.map(of)]),
    )}`,
  );
  console.log(`\nLatency includes the query embedding. Embedder: ${embedder.modelId}\n`);

  // The top-level figures are the first database's (PGlite whenever it ran), as before this
  // flag existed; `database` says which, and `databases` holds every database's figures.
  const { database: _kind, server: _server, ...firstFigures } = first;
  const report = {
    machine: describeMachine(),
    embedder: { modelId: embedder.modelId, kind: embedder.kind, fallbackReason },
    reranker: reranker ? { modelId: reranker.modelId } : { modelId: null, note: rerankerNote },
    database: first.database,
    ...firstFigures,
    databases: measured,
  };
  console.log(JSON.stringify(report, null, 2));
}

runCli(main, () => null);
