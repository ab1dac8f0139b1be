import type { Db } from "@/db/client";
import {
  deletePassagesExcept,
  getPassageHashes,
  listPassagesNeedingEmbedding,
  savePassageEmbeddings,
  upsertPassages,
} from "@/db/queries/passages";
import { getScenarioHashes, upsertScenario } from "@/db/queries/scenarios";
import type { Embedder } from "@/lib/embeddings/types";
import type { ScenarioLibrary } from "@/lib/scenarios/load";
import { embeddingText, libraryRows } from "./library-rows";

export interface SeedResult {
  scenariosWritten: number;
  passagesWritten: number;
  passagesDeleted: number;
  passagesEmbedded: number;
  passagesTotal: number;
  embeddingModel: string;
}

export type SeedProgress = (event: { phase: "writing" | "embedding"; done: number; total: number }) => void;

const EMBED_BATCH = 32;

/**
 * Loads the scenario library into the database and embeds its chunks. Idempotent: rows whose
 * content hash is unchanged are left alone and only chunks without a vector from `embedder`
 * are embedded, so a second run writes nothing and an edited passage re-embeds alone.
 */
export async function seedLibrary({
  db,
  library,
  embedder,
  onProgress,
}: {
  db: Db;
  library: ScenarioLibrary;
  embedder: Embedder;
  onProgress?: SeedProgress;
}): Promise<SeedResult> {
  const rows = libraryRows(library);
  const scenarioHashes = await getScenarioHashes({ db });
  let scenariosWritten = 0;
  for (const row of rows.scenarios) {
    if (scenarioHashes.get(row.id) === row.contentHash) continue;
    await upsertScenario({ db, values: row });
    scenariosWritten++;
  }

  const passageHashes = await getPassageHashes({ db });
  const changed = rows.passages.filter((row) => passageHashes.get(row.id) !== row.contentHash);
  for (let i = 0; i < changed.length; i += 50) {
    await upsertPassages({ db, rows: changed.slice(i, i + 50) });
    onProgress?.({ phase: "writing", done: Math.min(i + 50, changed.length), total: changed.length });
  }
  const passagesDeleted = await deletePassagesExcept({ db, keepIds: rows.passages.map((p) => p.id) });

  const pending = await listPassagesNeedingEmbedding({ db, modelId: embedder.modelId });
  for (let i = 0; i < pending.length; i += EMBED_BATCH) {
    const batch = pending.slice(i, i + EMBED_BATCH);
    const vectors = await embedder.embed(batch.map(embeddingText));
    await savePassageEmbeddings({
      db,
      modelId: embedder.modelId,
      rows: batch.map((row, j) => ({ id: row.id, embedding: vectors[j] as Float32Array })),
    });
    onProgress?.({ phase: "embedding", done: Math.min(i + EMBED_BATCH, pending.length), total: pending.length });
  }

  return {
    scenariosWritten,
    passagesWritten: changed.length,
    passagesDeleted,
    passagesEmbedded: pending.length,
    passagesTotal: rows.passages.length,
    embeddingModel: embedder.modelId,
  };
}
