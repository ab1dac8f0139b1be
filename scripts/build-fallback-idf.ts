/**
 * `npm run embeddings:idf`: freezes the fallback embedder's IDF table from the scenario library
 * into lib/embeddings/fallback-idf.json. Run it after large library changes; every chunk is then
 * re-embedded once, because the fallback's model id names the table.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildIdfTable } from "@/lib/embeddings/fallback-embedder";
import { loadScenarioLibrary } from "@/lib/scenarios/load";
import { embeddingText, libraryRows } from "@/lib/seed/library-rows";

const target = path.resolve("lib", "embeddings", "fallback-idf.json");
const texts = libraryRows(loadScenarioLibrary()).passages.map((row) =>
  embeddingText({ title: row.title, text: row.text }),
);
const table = buildIdfTable(texts);
writeFileSync(target, `${JSON.stringify(table)}\n`);
console.log(`${target}: ${texts.length} documents, ${Object.keys(table.documentFrequency).length} words`);
