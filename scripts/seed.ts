/**
 * `npm run db:seed`: loads the scenario library into the configured database and embeds every
 * chunk, with a progress bar. Idempotent; the app runs the same seeding at start.
 */
import { SingleBar } from "cli-progress";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { ConfigError, getConfig } from "@/lib/env";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { ScenarioFileError } from "@/lib/scenarios/load";
import { type SeedProgress, seedLibrary } from "@/lib/seed/seed-library";
import { getEmbedder } from "@/services/embedder";

function progressBar(): { onProgress: SeedProgress; stop: () => void } {
  const bar = new SingleBar({
    format: "{phase} [{bar}] {value}/{total} chunks",
    barCompleteChar: "#",
    barIncompleteChar: "-",
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 1000,
  });
  let phase: string | null = null;
  return {
    onProgress: (event) => {
      if (event.phase !== phase) {
        if (phase) bar.stop();
        phase = event.phase;
        bar.start(event.total, 0, { phase: event.phase.padEnd(9) });
      }
      bar.update(event.done, { phase: event.phase.padEnd(9) });
    },
    stop: () => {
      if (phase) bar.stop();
    },
  };
}

async function main(): Promise<void> {
  const config = getConfig();
  const library = getScenarioLibrary();
  const started = performance.now();
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    const hint =
      config.database.kind === "pglite"
        ? ` Is the app running on ${config.database.dataDir}? The embedded database allows one process at a time; stop the app, or let it seed at start.`
        : "";
    console.error(`Could not open the database: ${(error as Error).message}.${hint}`);
    process.exit(2);
  }
  try {
    await runMigrations(database);
    const embedder = await getEmbedder();
    const bar = progressBar();
    const result = await seedLibrary({ db: database.db, library, embedder, onProgress: bar.onProgress });
    bar.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${library.scenarios.size} scenarios and ${result.passagesTotal} chunks on ${database.kind} in ${seconds} s: ` +
        `${result.scenariosWritten} scenarios and ${result.passagesWritten} chunks written, ${result.passagesDeleted} removed, ` +
        `${result.passagesEmbedded} embedded with ${result.embeddingModel}.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof ScenarioFileError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
