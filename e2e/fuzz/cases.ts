import fc from "fast-check";
import { bodyText, nastyString, pathParam, queryString } from "./arbitraries";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One generated request. */
export interface FuzzCase {
  method: Method;
  path: string;
  body?: string;
}

/** What the fuzz suite creates first, so that some cases reach past "not found". */
export interface Fixture {
  interviewId: string;
  roomId: string;
}

export interface FuzzRoute {
  /** The route file's path under app/api, with its method. */
  name: string;
  cases(fixture: Fixture): fc.Arbitrary<FuzzCase>;
}

export const SCENARIO = "video-recommendation";
export const notAScenario = nastyString.filter((s) => !/^[a-z-]+$/.test(s)).map((scenarioId) => ({ scenarioId }));
export const oneOf = (...values: unknown[]) => fc.constantFrom(...values);
/** Content no message schema accepts: empty, blank, too long, NUL, not a string. */
export const badContent = oneOf("", "   ", "x".repeat(8_001), "a\u0000b", 42, null, ["a"]).map((content) => ({
  content,
}));

export const get = (path: fc.Arbitrary<string>, names?: string[]) =>
  fc.tuple(path, queryString(names)).map(([p, q]): FuzzCase => ({ method: "GET", path: `${p}${q}` }));
export const withBody = (method: Method, path: fc.Arbitrary<string>, body: fc.Arbitrary<string>) =>
  fc.tuple(path, body).map(([p, b]): FuzzCase => ({ method, path: p, body: b }));
export const without = (method: Method, path: fc.Arbitrary<string>) => path.map((p): FuzzCase => ({ method, path: p }));

export const room = (f: Fixture) => pathParam(f.roomId);
export const anyRoom = () => pathParam();
/** A round of the fixture room or of none: never a real round, so every case is a 4xx. */
export const round = (f: Fixture, tail: string) =>
  fc.tuple(room(f), pathParam()).map(([r, id]) => `/api/rooms/${r}/rounds/${id}${tail}`);
export const anyBody = bodyText({ messageId: "x", body: "y", step: "frame-problem", id: "z", content: "w", items: [] });
