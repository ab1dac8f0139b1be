import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DOMAIN_DIR = import.meta.dirname;

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?["']([^"']+)["']/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*(?:as\s+\w+\s+)?from\s+["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) if (match[1]) specifiers.push(match[1]);
  }
  return specifiers;
}

/** The domain core may import zod and its own files, nothing above it. */
function isAllowed(specifier: string): boolean {
  return specifier === "zod" || (specifier.startsWith("./") && !specifier.includes(".."));
}

describe("the domain core", () => {
  const files = readdirSync(DOMAIN_DIR).filter((name) => /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name));

  it("has files to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s imports only zod and lib/domain files", (name) => {
    const source = readFileSync(path.join(DOMAIN_DIR, name), "utf8");
    const forbidden = importsOf(source).filter((specifier) => !isAllowed(specifier));
    expect(forbidden).toEqual([]);
  });

  it("catches an import from above the core", () => {
    const source = [
      'import { z } from "zod";',
      'import type { Interview } from "@/db/schema";',
      'import { stepIdSchema } from "./framework";',
      'export { getScenario } from "../scenarios/library";',
      'import { x } from "./../framework-copy";',
      'const lazy = () => import("@/services/score");',
    ].join("\n");
    expect(
      importsOf(source)
        .filter((specifier) => !isAllowed(specifier))
        .sort(),
    ).toEqual(["../scenarios/library", "./../framework-copy", "@/db/schema", "@/services/score"]);
  });
});
