import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

let cached: string | undefined;

/**
 * The secret that signs identity cookies: PROBE_SECRET when set (required when several app
 * servers share a database), otherwise one generated once into the data directory.
 */
export function getSigningSecret({ configured, dataDir }: { configured: string | undefined; dataDir: string }): string {
  if (configured) return configured;
  if (cached) return cached;
  const file = path.join(dataDir, "secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const fresh = randomBytes(32).toString("hex");
    try {
      // "wx" keeps the first writer's secret if two processes start at once.
      writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
      cached = fresh;
    } catch {
      cached = readFileSync(file, "utf8").trim();
    }
  }
  if (!cached) throw new Error(`the signing secret in ${file} is empty`);
  return cached;
}
