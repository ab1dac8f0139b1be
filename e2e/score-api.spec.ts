import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test("POST /api/score scores an interchange transcript with citations", async ({ request }) => {
  const transcript = JSON.parse(readFileSync("bench/scoring/fraud-detection-strong.json", "utf8"));
  const response = await request.post("/api/score", { data: transcript });
  expect(response.status()).toBe(200);
  const report = await response.json();
  expect(report.scenarioId).toBe("fraud-detection");
  expect(report.steps).toHaveLength(7);
  expect(report.overall).toBeGreaterThan(60);
  expect(report.steps.some((s: { citations: unknown[] }) => s.citations.length > 0)).toBe(true);
});

test("POST /api/score explains a malformed transcript with a 400", async ({ request }) => {
  const response = await request.post("/api/score", { data: { scenarioId: "fraud-detection", turns: [] } });
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.code).toBe("bad_request:input");
  expect(body.error.message).toContain("at least one turn");
  const notJson = await request.post("/api/score", {
    data: "not json",
    headers: { "content-type": "application/json" },
  });
  expect(notJson.status()).toBe(400);
});
