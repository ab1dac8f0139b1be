import { spawnSync } from "node:child_process";
import path from "node:path";

/** Runs a project script with tsx the way `npm run` does, capturing its output and exit code. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), [script, ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, LOG_LEVEL: "error", ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
