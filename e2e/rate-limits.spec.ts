import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";

test("past its rate limit an identity gets a 429 with Retry-After and a sentence; another identity is not held up", async ({
  baseURL,
}) => {
  const script = await playwrightRequest.newContext({ baseURL });
  // Messages are counted before the interview is looked up: a flood of them costs no turn.
  const target = `/api/interviews/${randomUUID()}/messages`;
  const statuses: number[] = [];
  for (let i = 0; i < 60; i++) {
    statuses.push((await script.post(target, { data: { id: randomUUID(), content: "hello" } })).status());
  }
  expect(new Set(statuses)).toEqual(new Set([404]));
  const refused = await script.post(target, { data: { id: randomUUID(), content: "hello" } });
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = await refused.json();
  expect(body.error.code).toBe("too_many_requests:message");
  expect(body.error.message).toMatch(
    /^Too many messages: at most 60 a minute\. Try again in (\d+ seconds?|1 minute)\.$/,
  );

  const someoneElse = await playwrightRequest.newContext({ baseURL });
  expect((await someoneElse.post(target, { data: { id: randomUUID(), content: "hello" } })).status()).toBe(404);
  await Promise.all([script.dispose(), someoneElse.dispose()]);
});
