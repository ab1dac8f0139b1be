import { randomUUID } from "node:crypto";

const globalForInstance = globalThis as unknown as { probeServerInstanceId?: string };

/**
 * This server process's id, random at each start; pipeline runs record it so a run can be
 * traced to the process that ran it. Kept on globalThis because Next.js may load this module twice.
 */
export function getServerInstanceId(): string {
  globalForInstance.probeServerInstanceId ??= randomUUID();
  return globalForInstance.probeServerInstanceId;
}
