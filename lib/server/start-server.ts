import { ConfigError, getConfig } from "@/lib/env";
import { warmUpChecks } from "@/lib/pipelines/check-claim";
import { getDatabase } from "./database";
import { logger } from "./logger";
import { getReranker } from "./reranker";

/**
 * Start-up checks: a bad configuration stops the server with a sentence naming the variable,
 * and the database is opened, migrated and seeded (which chooses the embedder, fetching its model
 * once if need be) before the first request, not during it. The re-ranker's model is loaded
 * (or fetched) next, so no search waits for it; it never stops the server.
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
  try {
    await getDatabase();
  } catch (error) {
    console.error("[probe] could not open the database:", error);
    process.exit(1);
  }
  await getReranker();
  // Not awaited: the server answers at once while the check worker warms its indexes.
  void warmUpChecks((error) => logger.warn("could not warm up the number checks", error));
}
