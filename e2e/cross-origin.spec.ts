import { type APIRequestContext, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { E2E_PORT } from "./fixtures/environment";
import { autoSubmittingJsonForm, type ForeignSite, startForeignSite } from "./fixtures/foreign-site";

const APP = `http://127.0.0.1:${E2E_PORT}`;
const IMPORT_TEXT = "Interviewer: What would you build?\nCandidate: A two-tower retrieval model, then a ranker.";

let context: BrowserContext;
let foreign: ForeignSite;
let victim: { interviewId: string; historyRows: number; shares: number };

/** What the victim's own pages and API say about them: nothing the attacker sent may show up here. */
async function victimState(request: APIRequestContext, page: Page) {
  await page.goto(`${APP}/history`);
  const shares = (await (await request.get("/api/shares")).json()) as { shares: unknown[] };
  return {
    historyRows: await page.getByTestId("history-row").count(),
    displayName: await page.getByTestId("display-name").inputValue(),
    interview: (await request.get(`/api/interviews/${victim.interviewId}`)).status(),
    shares: shares.shares.length,
  };
}

/** The victim's state exactly as the setup made it: name, interview, history and shares. */
async function expectVictimUnchanged(page: Page) {
  expect(await victimState(context.request, page)).toEqual({
    historyRows: victim.historyRows,
    displayName: "Victim",
    interview: 200,
    shares: victim.shares,
  });
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  const request = context.request;
  // The victim: an identity cookie, a display name, one interview with one share link.
  expect((await request.patch("/api/me", { data: { displayName: "Victim" } })).status()).toBe(200);
  const started = await request.post("/api/interviews", { data: { scenarioId: "ad-click-prediction" } });
  expect(started.status()).toBe(201);
  const interviewId = ((await started.json()) as { id: string }).id;
  expect((await request.post(`/api/interviews/${interviewId}/shares`, { data: { days: 1 } })).status()).toBe(201);
  victim = { interviewId, historyRows: 1, shares: 1 };

  foreign = await startForeignSite({
    "/form-import": autoSubmittingJsonForm(`${APP}/api/imports`, {
      scenarioId: "ad-click-prediction",
      level: "senior",
      text: IMPORT_TEXT,
    }),
    "/form-interview": autoSubmittingJsonForm(`${APP}/api/interviews`, {
      scenarioId: "ad-click-prediction",
      level: "senior",
    }),
    "/blank": "<!doctype html><title>elsewhere</title><p>a neighbour's page</p>",
  });
});

test.afterAll(async () => {
  await context.close();
  await foreign.close();
});

test("the victim's state is what the setup made", async () => {
  const page = await context.newPage();
  await expectVictimUnchanged(page);
  await page.close();
});

for (const [form, target] of [
  ["/form-import", "/api/imports"],
  ["/form-interview", "/api/interviews"],
] as const) {
  test(`an auto-submitting text/plain form on another port (${form}) is refused with 403`, async () => {
    const page = await context.newPage();
    const refused = page.waitForResponse((r) => r.url() === `${APP}${target}` && r.request().method() === "POST");
    await page.goto(`${foreign.origin}${form}`);
    const response = await refused;
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden:origin");
    expect(await response.request().headerValue("origin")).toBe(foreign.origin);
    expect(await victimState(context.request, page)).toMatchObject({ historyRows: victim.historyRows });
    await page.close();
  });
}

test("fetch from another port with the victim's cookie changes nothing", async () => {
  const page = await context.newPage();
  await page.goto(`${foreign.origin}/blank`);
  const seen: { method: string; url: string; status: number }[] = [];
  page.on("response", (r) => {
    if (r.url().startsWith(`${APP}/api/`))
      seen.push({ method: r.request().method(), url: r.url(), status: r.status() });
  });

  // A simple request (no preflight): POST with a text/plain body, the browser sends it as is.
  const simple = await page.evaluate(
    async ({ app, id }) => {
      const send = (path: string, body: unknown) =>
        fetch(`${app}${path}`, {
          method: "POST",
          mode: "no-cors",
          credentials: "include",
          headers: { "content-type": "text/plain" },
          body: JSON.stringify(body),
        }).then((r) => r.type);
      return Promise.all([
        send("/api/interviews", { scenarioId: "ad-click-prediction" }),
        send(`/api/interviews/${id}/shares`, { days: 30 }),
      ]);
    },
    { app: APP, id: victim.interviewId },
  );
  expect(simple).toEqual(["opaque", "opaque"]);

  // no-cors allows only GET, HEAD and POST; PATCH and DELETE need a CORS preflight, which the app never grants.
  const preflighted = await page.evaluate(
    async ({ app, id }) => {
      const attempt = (method: string, path: string, body?: unknown) =>
        fetch(`${app}${path}`, {
          method,
          credentials: "include",
          headers: { "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }).then(
          () => "sent",
          (error: Error) => error.name,
        );
      return Promise.all([
        attempt("PATCH", "/api/me", { displayName: "Pwned" }),
        attempt("DELETE", `/api/interviews/${id}`),
      ]);
    },
    { app: APP, id: victim.interviewId },
  );
  expect(preflighted).toEqual(["TypeError", "TypeError"]);

  // The two simple POSTs reached the server and were refused there, not merely hidden by the browser.
  await expect.poll(() => seen.filter((r) => r.method === "POST").map((r) => r.status)).toEqual([403, 403]);
  expect(seen.filter((r) => r.method === "PATCH" || r.method === "DELETE")).toEqual([]);

  await expectVictimUnchanged(page);
  await page.close();
});

test("the API refuses a foreign Origin or Sec-Fetch-Site with 403, whatever the method", async () => {
  const request = context.request;
  const foreignOrigin = { origin: foreign.origin };
  const attempts = [
    request.patch("/api/me", { data: { displayName: "Pwned" }, headers: foreignOrigin }),
    request.delete(`/api/interviews/${victim.interviewId}`, { headers: foreignOrigin }),
    request.post(`/api/interviews/${victim.interviewId}/shares`, { data: { days: 7 }, headers: foreignOrigin }),
    request.post("/api/interviews", { data: { scenarioId: "ad-click-prediction" }, headers: foreignOrigin }),
    request.post("/api/interviews", {
      data: { scenarioId: "ad-click-prediction" },
      headers: { "sec-fetch-site": "same-site" },
    }),
    request.delete(`/api/interviews/${victim.interviewId}`, { headers: { "sec-fetch-site": "cross-site" } }),
  ];
  for (const response of await Promise.all(attempts)) {
    expect(response.status(), response.url()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden:origin" } });
  }
  const page = await context.newPage();
  await expectVictimUnchanged(page);
  await page.close();
});

test("a body that is not JSON is refused with 415, even from the app's own page", async () => {
  const page = await context.newPage();
  await page.goto(`${APP}/history`);
  const statuses = await page.evaluate(async () => {
    const send = (type: string) =>
      fetch("/api/interviews", {
        method: "POST",
        headers: { "content-type": type },
        body: JSON.stringify({ scenarioId: "ad-click-prediction" }),
      }).then(async (r) => ({
        status: r.status,
        code: ((await r.json()) as { error?: { code: string } }).error?.code,
      }));
    return Promise.all([send("text/plain"), send("application/x-www-form-urlencoded")]);
  });
  expect(statuses).toEqual([
    { status: 415, code: "unsupported_media_type:body" },
    { status: 415, code: "unsupported_media_type:body" },
  ]);
  const viaApi = await context.request.post("/api/imports", {
    headers: { "content-type": "text/plain" },
    data: JSON.stringify({ scenarioId: "ad-click-prediction", text: IMPORT_TEXT }),
  });
  expect(viaApi.status()).toBe(415);
  expect(await victimState(context.request, page)).toMatchObject({ historyRows: victim.historyRows });
  await page.close();
});

test("the app's own pages still change data: same-origin JSON with an Origin header works", async () => {
  const page = await context.newPage();
  await page.goto(`${APP}/history`);
  const status = await page.evaluate(async () => {
    const response = await fetch("/api/me", {
      method: "PATCH",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ displayName: "Victim" }),
    });
    return response.status;
  });
  expect(status).toBe(200);
  await page.close();
});
