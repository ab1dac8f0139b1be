import { ConfigError, getConfig } from "@/lib/env";
import { getDatabase } from "./database";

/**
 * Start-up checks: a bad configuration stops the server with a sentence naming the variable,
 * and the database is opened, migrated and seeded before the first request, not during it.
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
}
