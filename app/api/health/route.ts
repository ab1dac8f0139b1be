import { NextResponse } from "next/server";
import { getMigrationStatus } from "@/db/migrate";
import { handleRoute } from "@/lib/http/handle-route";
import { getDatabase } from "@/services/database";

export const dynamic = "force-dynamic";

/** Reports the database kind and whether every committed migration is applied. */
export const GET = handleRoute(async () => {
  const database = await getDatabase();
  await database.pool.query("SELECT 1");
  const migrations = await getMigrationStatus(database);
  return NextResponse.json(
    { status: migrations.upToDate ? "ok" : "degraded", database: { kind: database.kind }, migrations },
    { status: migrations.upToDate ? 200 : 503 },
  );
});
