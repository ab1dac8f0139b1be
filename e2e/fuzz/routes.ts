import fc from "fast-check";
import { bodyText, encode, nastyJson, PROTO_NAMES, pathParam, refusedBodies, urlString } from "./arbitraries";

import {
  badContent,
  type FuzzCase,
  type FuzzRoute,
  get,
  notAScenario,
  oneOf,
  SCENARIO,
  withBody,
  without,
} from "./cases";
import { ROOM_ROUTES } from "./room-routes";

export type { Fixture, FuzzCase, FuzzRoute } from "./cases";

/** Every route under app/api and every method it exports (find app/api -name route.ts). */
export const ROUTES: FuzzRoute[] = [
  ...ROOM_ROUTES,
  { name: "GET /api/health", cases: () => get(fc.constant("/api/health")) },
  {
    name: "POST /api/imports",
    cases: () =>
      withBody(
        "POST",
        fc.constant("/api/imports"),
        bodyText({ scenarioId: SCENARIO, text: "Candidate: hi" }, notAScenario),
      ),
  },
  {
    name: "GET /api/interviews/[id]/events",
    cases: () =>
      get(
        pathParam().map((id) => `/api/interviews/${id}/events`),
        ["after"],
      ),
  },
  {
    name: "GET /api/interviews/[id]/export",
    cases: (f) =>
      fc
        .tuple(
          pathParam(f.interviewId),
          urlString.filter((s) => !["json", "md", "pdf"].includes(s)),
        )
        .map(
          ([id, format]): FuzzCase => ({
            method: "GET",
            path: `/api/interviews/${id}/export?format=${encode(format)}`,
          }),
        ),
  },
  {
    name: "GET /api/interviews/[id]/diagram",
    cases: (f) => get(pathParam(f.interviewId).map((id) => `/api/interviews/${id}/diagram`)),
  },
  {
    name: "PUT /api/interviews/[id]/diagram",
    cases: (f) =>
      fc.oneof(
        // The fixture's own interview: any JSON as the scene, so the reader's refusals are hit.
        withBody(
          "PUT",
          fc.constant(`/api/interviews/${f.interviewId}/diagram`),
          bodyText(
            { scene: { type: "excalidraw", elements: [] }, baseRevision: 0 },
            nastyJson.map((scene) => ({ scene })),
          ),
        ),
        withBody(
          "PUT",
          pathParam().map((id) => `/api/interviews/${id}/diagram`),
          bodyText({ scene: { elements: [] } }),
        ),
      ),
  },
  {
    name: "POST /api/interviews/[id]/messages",
    cases: (f) =>
      fc.oneof(
        {
          arbitrary: withBody(
            "POST",
            fc.constant(`/api/interviews/${f.interviewId}/messages`),
            bodyText({ id: "00000000-0000-4000-8000-000000000000", content: "hi" }, badContent),
          ),
          weight: 25,
        },
        {
          arbitrary: withBody(
            "POST",
            pathParam().map((id) => `/api/interviews/${id}/messages`),
            bodyText({ id: "x", content: "hi" }),
          ),
          weight: 25,
        },
        // Now and then a valid message whose words are prototype names: a whole turn runs on them.
        {
          arbitrary: fc.tuple(fc.uuid(), fc.constantFrom(...PROTO_NAMES), fc.constantFrom(...PROTO_NAMES)).map(
            ([id, a, b]): FuzzCase => ({
              method: "POST",
              path: `/api/interviews/${f.interviewId}/messages`,
              body: JSON.stringify({ id, content: `I would store ${a} at 5k QPS and ${b} per second.` }),
            }),
          ),
          weight: 1,
        },
      ),
  },
  {
    name: "GET /api/interviews/[id]",
    cases: (f) => get(pathParam(f.interviewId).map((id) => `/api/interviews/${id}`)),
  },
  {
    name: "DELETE /api/interviews/[id]",
    cases: () =>
      without(
        "DELETE",
        pathParam().map((id) => `/api/interviews/${id}`),
      ),
  },
  {
    name: "POST /api/interviews/[id]/shares",
    cases: (f) =>
      fc.oneof(
        withBody(
          "POST",
          fc.constant(`/api/interviews/${f.interviewId}/shares`),
          refusedBodies(
            bodyText(
              { days: 7 },
              nastyJson.filter((d) => d !== 1 && d !== 7 && d !== 30).map((days) => ({ days })),
            ),
            (body) => ![undefined, 1, 7, 30].includes(body.days as number),
          ),
        ),
        withBody(
          "POST",
          pathParam().map((id) => `/api/interviews/${id}/shares`),
          bodyText({ days: 7 }),
        ),
      ),
  },
  {
    name: "POST /api/interviews",
    cases: () =>
      withBody(
        "POST",
        fc.constant("/api/interviews"),
        bodyText({ scenarioId: SCENARIO, level: "senior", minutes: 45 }, notAScenario),
      ),
  },
  {
    name: "PATCH /api/me",
    cases: () =>
      withBody(
        "PATCH",
        fc.constant("/api/me"),
        bodyText(
          { displayName: "Ada" },
          oneOf("a\u0000b", "x".repeat(61), 5, null).map((displayName) => ({ displayName })),
        ),
      ),
  },
  { name: "GET /api/passages/[id]", cases: () => get(pathParam().map((id) => `/api/passages/${id}`)) },
  {
    name: "POST /api/pipelines/[name]",
    cases: () =>
      withBody(
        "POST",
        fc.oneof(pathParam(), oneOf("ann", "funnel", "ctr", "capacity")).map((name) => `/api/pipelines/${name}`),
        // Every pipeline refuses these, so no case starts a run.
        refusedBodies(
          bodyText(
            { n: 1000, items: 1000, impressions: 5000, dau: 1 },
            fc.constant({ n: -1, items: -1, impressions: -1, dau: -1 }),
          ),
          (body) => body.n === -1,
        ),
      ),
  },
  {
    name: "POST /api/score",
    cases: () =>
      withBody(
        "POST",
        fc.constant("/api/score"),
        bodyText({ scenarioId: SCENARIO, turns: [{ role: "candidate", content: "hi" }] }, notAScenario),
      ),
  },
  {
    name: "GET /api/search",
    cases: () =>
      fc
        .tuple(
          urlString,
          // Mostly a k that is no whole number, so the search itself seldom runs; now and then a valid one.
          fc.oneof(
            { arbitrary: urlString.filter((k) => !Number.isInteger(Number(k))), weight: 19 },
            { arbitrary: fc.constant("5"), weight: 1 },
          ),
          fc.option(
            urlString.map((s) => `&scenario=${encode(s)}&step=${encode(s)}`),
            { nil: "" },
          ),
        )
        .map(
          ([q, k, more]): FuzzCase => ({
            method: "GET",
            path: `/api/search?q=${encode(q)}&k=${encode(k)}${more}`,
          }),
        ),
  },
  {
    name: "DELETE /api/shares/[token]",
    cases: () =>
      without(
        "DELETE",
        pathParam().map((t) => `/api/shares/${t}`),
      ),
  },
  { name: "GET /api/shares", cases: () => get(fc.constant("/api/shares")) },
];
