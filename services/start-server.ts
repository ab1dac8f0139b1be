import type { Database } from "@/db/client";
import { ConfigError, getConfig } from "@/lib/env";
import { logger } from "@/lib/logger";
import { warmUpChecks } from "@/lib/pipelines/check-claim";
import { sweepDeadScratch } from "@/lib/pipelines/scratch";
import { getDatabase } from "./database";
import { startOrphanSweeps } from "./pipeline-runs";
import { getReranker } from "./reranker";

/**
 * Start-up checks: a bad configuration stops the server with a sentence naming the variable,
 * and the database is opened, migrated and seeded (which chooses the embedder, fetching its model
 * once if need be) before the first request, not during it; pipeline runs orphaned by a server
 * that died are then marked failed, at start and every heartbeat after (services/pipeline-runs.ts),
 * and the pipeline scratch directories of processes that died (saved indexes, over 100 MB each)
 * are removed (lib/pipelines/scratch.ts). The re-ranker's model is loaded (or fetched) next, so
 * no search waits for it; it never stops the server.
 */
export async function startServer(): Promise<void> {
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[probe] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let database: Database;
  try {
    database = await getDatabase();
  } catch (error) {
    console.error("[probe] could not open the database:", error);
    process.exit(1);
  }
  // After migrations: runs left "running" by a server that died are failed, never left running.
  await startOrphanSweeps(database);
  // Before the check worker starts: what a SIGKILLed server left in the temporary directory.
  removeDeadScratch();
  await getReranker();
  // Not awaited: the server answers at once while the check worker warms its indexes.
  void warmUpChecks((error) => logger.warn("could not warm up the number checks", error));
}

function removeDeadScratch(): void {
  try {
    const removed = sweepDeadScratch();
    if (removed.length > 0)
      logger.warn(`removed ${removed.length} pipeline scratch directories of stopped servers: ${removed.join(", ")}`);
  } catch (error) {
    logger.warn("could not sweep the pipeline scratch directories of stopped servers", error);
  }
}
