/**
 * Runs once when the Next.js server starts: a bad configuration stops the server with a
 * sentence naming the variable, and the database is opened, migrated and seeded before the
 * first request instead of during it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ConfigError, getConfig } = await import("@/lib/env");
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[probe] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { getDatabase } = await import("@/lib/server/database");
  try {
    await getDatabase();
  } catch (error) {
    console.error("[probe] could not open the database:", error);
    process.exit(1);
  }
}
