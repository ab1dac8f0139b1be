import { describe, expect, it } from "vitest";
import { type GuardInput, guardRequest, hasMalformedEncoding, isJsonContentType, ownOrigins } from "./request-guard";

const SELF = "http://127.0.0.1:3311";
const PROXIED = "https://probe.example.com";

const base: GuardInput = {
  method: "POST",
  path: "/api/interviews",
  origin: null,
  secFetchSite: null,
  contentType: "application/json",
  hasBody: true,
  ownOrigins: [SELF],
};

type Outcome = "allow" | 400 | 403 | 405 | 415;

const outcome = (input: Partial<GuardInput>): Outcome => {
  const decision = guardRequest({ ...base, ...input });
  return decision.allow ? "allow" : decision.status;
};

describe("guardRequest", () => {
  const cases: [string, Partial<GuardInput>, Outcome][] = [
    // Origin
    ["same origin", { origin: SELF }, "allow"],
    ["same origin with a trailing slash", { origin: `${SELF}/` }, "allow"],
    ["another port of the same host", { origin: "http://127.0.0.1:4000" }, 403],
    ["another scheme of the same host", { origin: "https://127.0.0.1:3311" }, 403],
    ["another site", { origin: "https://evil.example" }, 403],
    ["an opaque origin", { origin: "null" }, 403],
    ["a garbage origin", { origin: "not a url" }, 403],
    ["a proxy's origin, not configured", { origin: PROXIED }, 403],
    ["a proxy's origin, configured", { origin: PROXIED, ownOrigins: [SELF, PROXIED] }, "allow"],
    ["Origin wins over a same-origin Sec-Fetch-Site", { origin: "http://evil", secFetchSite: "same-origin" }, 403],
    // Sec-Fetch-Site when Origin is absent
    ["sec-fetch-site same-origin", { secFetchSite: "same-origin" }, "allow"],
    ["sec-fetch-site none (typed in the address bar)", { secFetchSite: "none" }, "allow"],
    ["sec-fetch-site same-site", { secFetchSite: "same-site" }, 403],
    ["sec-fetch-site cross-site", { secFetchSite: "cross-site" }, 403],
    ["neither header (curl, the CLIs)", {}, "allow"],
    // Methods
    ["PUT cross-site", { method: "PUT", origin: "http://evil" }, 403],
    ["PATCH cross-site", { method: "PATCH", origin: "http://evil" }, 403],
    ["DELETE cross-site without a body", { method: "DELETE", origin: "http://evil", hasBody: false }, 403],
    [
      "DELETE same-origin without a body",
      { method: "DELETE", origin: SELF, hasBody: false, contentType: null },
      "allow",
    ],
    ["GET cross-site is only a read", { method: "GET", origin: "http://evil", hasBody: false }, "allow"],
    ["OPTIONS", { method: "OPTIONS", origin: "http://evil", hasBody: false }, "allow"],
    ["HEAD", { method: "HEAD", hasBody: false }, "allow"],
    ["TRACE", { method: "TRACE", hasBody: false }, 405],
    ["CONNECT", { method: "CONNECT", hasBody: false }, 405],
    ["a made-up method", { method: "PROPFIND", hasBody: false }, 405],
    ["lower-case post", { method: "post", origin: SELF }, "allow"],
    // Content types
    ["JSON with a charset", { contentType: "application/json; charset=utf-8" }, "allow"],
    ["JSON in capitals", { contentType: "Application/JSON" }, "allow"],
    ["text/plain", { contentType: "text/plain" }, 415],
    ["text/plain same-origin", { contentType: "text/plain;charset=UTF-8", origin: SELF }, 415],
    ["a form", { contentType: "application/x-www-form-urlencoded" }, 415],
    ["multipart", { contentType: "multipart/form-data; boundary=x" }, 415],
    ["a JSON look-alike", { contentType: "application/jsonp" }, 415],
    ["a body with no type", { contentType: null }, 415],
    ["no body, no type (POST /close)", { contentType: null, hasBody: false, path: "/api/rooms/r/close" }, "allow"],
    ["cross-site text/plain is a 403 first", { contentType: "text/plain", origin: "http://evil" }, 403],
    // Paths
    ["a page is not origin-checked", { path: "/history", origin: "http://evil", contentType: "text/plain" }, "allow"],
    ["/apiary is not the API", { path: "/apiary", origin: "http://evil" }, "allow"],
    ["malformed percent-encoding", { path: "/api/interviews/%ff", method: "GET", hasBody: false }, 400],
    ["a truncated escape", { path: "/api/passages/abc%2", method: "GET", hasBody: false }, 400],
    ["malformed on a page", { path: "/interview/%E0%A4%A", method: "GET", hasBody: false }, 400],
    ["valid escapes", { path: "/api/passages/a%20b%2Fc", method: "GET", hasBody: false }, "allow"],
    ["405 comes before 400", { path: "/api/%ff", method: "TRACE", hasBody: false }, 405],
  ];

  it.each(cases)("%s", (_name, input, expected) => {
    expect(outcome(input)).toBe(expected);
  });

  it("refuses with the stable codes and an Allow header on 405", () => {
    expect(guardRequest({ ...base, origin: "http://evil" })).toMatchObject({ code: "forbidden:origin" });
    expect(guardRequest({ ...base, contentType: "text/plain" })).toMatchObject({
      code: "unsupported_media_type:body",
    });
    expect(guardRequest({ ...base, path: "/api/%ff" })).toMatchObject({ code: "bad_request:path" });
    expect(guardRequest({ ...base, method: "TRACE" })).toMatchObject({
      code: "method_not_allowed:method",
      headers: { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" },
    });
  });
});

describe("ownOrigins", () => {
  const none = { forwardedHost: null, forwardedProto: null, allowed: [] };

  it.each([
    ["the Host header", { protocol: "http:", host: "127.0.0.1:3311", ...none }, ["http://127.0.0.1:3311"]],
    [
      "a default port is dropped",
      { protocol: "https:", host: "probe.example:443", ...none },
      ["https://probe.example"],
    ],
    [
      "a proxy's forwarded host and scheme",
      {
        protocol: "http:",
        host: "127.0.0.1:3000",
        forwardedHost: "probe.example",
        forwardedProto: "https",
        allowed: [],
      },
      ["https://probe.example", "https://127.0.0.1:3000"],
    ],
    [
      "the first of several forwarded values",
      { protocol: "http:", host: "a", forwardedHost: "b, c", forwardedProto: "https,http", allowed: [] },
      ["https://b", "https://a"],
    ],
    [
      "configured origins",
      { protocol: "http:", host: "a", ...none, allowed: ["https://probe.example/"] },
      ["http://a", "https://probe.example"],
    ],
    ["no host at all", { protocol: "http:", host: null, ...none }, []],
  ])("%s", (_name, input, expected) => {
    expect(ownOrigins(input)).toEqual(expected);
  });
});

describe("helpers", () => {
  it.each([
    ["/api/interviews/%ff", true],
    ["/%", true],
    ["/a/%zz", true],
    ["/a/%C3%A9", false],
    ["/", false],
  ])("hasMalformedEncoding(%s) is %s", (path, expected) => {
    expect(hasMalformedEncoding(path)).toBe(expected);
  });

  it.each([
    ["application/json", true],
    [" application/json ; charset=utf-8", true],
    ["application/problem+json", false],
    ["text/plain", false],
    [null, false],
  ])("isJsonContentType(%s) is %s", (type, expected) => {
    expect(isJsonContentType(type)).toBe(expected);
  });
});
