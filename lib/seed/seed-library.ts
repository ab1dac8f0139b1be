import type { Db } from "@/db/client";
import { deletePassagesExcept, getPassageHashes, upsertPassages } from "@/db/queries/passages";
import { getScenarioHashes, upsertScenario } from "@/db/queries/scenarios";
import type { ScenarioLibrary } from "@/lib/scenarios/load";
import { libraryRows } from "./library-rows";

export interface SeedResult {
  scenariosWritten: number;
  passagesWritten: number;
  passagesDeleted: number;
  passagesTotal: number;
}

/**
 * Loads the scenario library into the database. Idempotent: rows whose content hash is
 * unchanged are left alone, so a second run writes nothing.
 */
export async function seedLibrary({
  db,
  library,
  onProgress,
}: {
  db: Db;
  library: ScenarioLibrary;
  onProgress?: (done: number, total: number) => void;
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
  const batch = 50;
  for (let i = 0; i < changed.length; i += batch) {
    await upsertPassages({ db, rows: changed.slice(i, i + batch) });
    onProgress?.(Math.min(i + batch, changed.length), changed.length);
  }
  const passagesDeleted = await deletePassagesExcept({ db, keepIds: rows.passages.map((p) => p.id) });
  return {
    scenariosWritten,
    passagesWritten: changed.length,
    passagesDeleted,
    passagesTotal: rows.passages.length,
  };
}
