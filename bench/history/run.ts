/**
 * `npm run bench:history`: server time of the history page for a user with 200 scored
 * interviews, on the embedded database behind `next start` (run `npm run build` first).
 * Prints a table, then JSON.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createInterview } from "@/db/queries/interviews";
import { ensureUser } from "@/db/queries/users";
import { formatTable } from "@/lib/cli/print-table";
import { IDENTITY_COOKIE, signUserId } from "@/lib/identity/signed-cookie";
import { loadScenarioLibrary } from "@/lib/scenarios/load";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";

const INTERVIEWS = 200;
const REQUESTS = 30;
const PORT = 3320;

const dataDir = mkdtempSync(path.join(tmpdir(), "probe-bench-history-"));
const secret = "bench-secret-0123456789abcdef0123456789abcdef";
writeFileSync(path.join(dataDir, "secret"), secret);
const userId = randomUUID();

const database = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
await runMigrations(database);
await ensureUser({ db: database.db, id: userId });
const library = loadScenarioLibrary();
const files = [
  "video-recommendation-strong",
  "fraud-detection-medium",
  "rag-assistant-weak",
  "ad-click-prediction-medium",
];
const reports = await Promise.all(
  files.map(async (f) => scoreTranscript(JSON.parse(readFileSync(`bench/scoring/${f}.json`, "utf8")), { library })),
);
for (let i = 0; i < INTERVIEWS; i++) {
  const report = reports[i % reports.length];
  if (!report) continue;
  const createdAt = new Date(Date.now() - (INTERVIEWS - i) * 86_400_000);
  await createInterview({
    db: database.db,
    values: {
      userId,
      scenarioId: report.scenarioId,
      level: "senior",
      status: "completed",
      currentStep: "monitoring",
      report,
      createdAt,
      completedAt: new Date(createdAt.getTime() + 42 * 60_000),
    },
  });
}
await database.close();

const server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
  env: { ...process.env, PROBE_DATA_DIR: dataDir, LOG_LEVEL: "error" },
  stdio: "ignore",
});
const url = `http://127.0.0.1:${PORT}`;
try {
  for (let i = 0; i < 300; i++) {
    if ((await fetch(`${url}/api/health`).catch(() => null))?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const cookie = `${IDENTITY_COOKIE}=${signUserId(userId, secret)}`;
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i <= REQUESTS; i++) {
    const start = performance.now();
    const response = await fetch(`${url}/history`, { headers: { cookie } });
    const html = await response.text();
    if (!response.ok) throw new Error(`history answered ${response.status}`);
    if (i > 0) times.push(performance.now() - start);
    rows = html.split('data-testid="history-row"').length - 1;
  }
  if (rows !== INTERVIEWS) throw new Error(`the page listed ${rows} interviews, not ${INTERVIEWS}`);
  const result = {
    interviews: INTERVIEWS,
    requests: REQUESTS,
    p50: round(quantile(times, 0.5), 1),
    p95: round(quantile(times, 0.95), 1),
    max: round(Math.max(...times), 1),
  };
  console.log(
    formatTable(
      ["interviews", "requests", "p50 ms", "p95 ms", "max ms"],
      [[result.interviews, result.requests, result.p50, result.p95, result.max]],
    ),
  );
  console.log("\ntarget: under 300 ms server time (measured as the full response on loopback, after one warm-up)\n");
  console.log(JSON.stringify({ machine: describeMachine(), ...result, targetMs: 300 }, null, 2));
} finally {
  server.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
