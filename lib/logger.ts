import { getConfig } from "@/lib/env";

const ORDER = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 } as const;

function enabled(level: keyof typeof ORDER): boolean {
  return ORDER[level] >= ORDER[getConfig().logLevel];
}

/** A minimal levelled logger writing one line per event to stderr. */
export const logger = {
  debug: (message: string) => enabled("debug") && console.error(`[probe] ${message}`),
  info: (message: string) => enabled("info") && console.error(`[probe] ${message}`),
  warn: (message: string, error?: unknown) =>
    enabled("warn") && console.error(`[probe] warning: ${message}`, error ?? ""),
  error: (message: string, error?: unknown) =>
    enabled("error") && console.error(`[probe] error: ${message}`, error ?? ""),
};
