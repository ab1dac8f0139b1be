/**
 * Creates or drops the fresh database the browser suite runs on against a real Postgres.
 *   tsx scripts/postgres/e2e-database.ts create   prints the new database's URL
 *   tsx scripts/postgres/e2e-database.ts drop URL
 * The server is PROBE_TEST_DATABASE_URL.
 */
import { createServerDatabase, dropServerDatabase } from "@/db/testing/postgres-database";

const serverUrl = process.env.PROBE_TEST_DATABASE_URL;
const [command, url] = process.argv.slice(2);
if (!serverUrl) {
  console.error("PROBE_TEST_DATABASE_URL is not set (see README: Running on a real Postgres)");
  process.exit(2);
}
if (command === "create") {
  console.log((await createServerDatabase(serverUrl)).url);
} else if (command === "drop" && url) {
  await dropServerDatabase(serverUrl, new URL(url).pathname.slice(1));
} else {
  console.error("Usage: e2e-database.ts create | drop URL");
  process.exit(2);
}
