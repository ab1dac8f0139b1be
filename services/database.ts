import { type Database, openDatabase } from "@/db/client";
import { runMigrations, withSchemaLock } from "@/db/migrate";
import { getConfig } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { seedLibrary } from "@/lib/seed/seed-library";
import { getEmbedder } from "./embedder";

const globalForDb = globalThis as unknown as { probeDatabase?: Promise<Database> };

async function start(): Promise<Database> {
  const config = getConfig();
  const database = await openDatabase(config.database);
  await runMigrations(database);
  const embedder = await getEmbedder();
  // Servers starting together seed one after another; the later ones find nothing left to write.
  const result = await withSchemaLock(database, () =>
    seedLibrary({ db: database.db, library: getScenarioLibrary(), embedder }),
  );
  logger.info(
    `database ready (${database.kind}); wrote ${result.scenariosWritten} scenarios and ${result.passagesWritten} passage chunks, embedded ${result.passagesEmbedded}`,
  );
  return database;
}

/**
 * The process's database: opened, migrated and seeded once. Cached on globalThis because
 * Next.js may load this module more than once, and PGlite allows one opener per data dir.
 */
export function getDatabase(): Promise<Database> {
  globalForDb.probeDatabase ??= start().catch((error) => {
    globalForDb.probeDatabase = undefined;
    throw error;
  });
  return globalForDb.probeDatabase;
}
