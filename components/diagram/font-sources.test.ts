import { describe, expect, it } from "vitest";
import { sameOriginSources } from "./font-sources";

const ORIGIN = "http://127.0.0.1:3311";

describe("sameOriginSources", () => {
  it("drops the CDN fallback Excalidraw appends after the self-hosted font", () => {
    const source = `url(${ORIGIN}/excalidraw/fonts/Virgil/Virgil-Regular.woff2) format('woff2'), url(https://esm.sh/@excalidraw/excalidraw@0.18.1/dist/prod/fonts/Virgil/Virgil-Regular.woff2) format('woff2')`;
    expect(sameOriginSources(source, ORIGIN)).toBe(
      `url(${ORIGIN}/excalidraw/fonts/Virgil/Virgil-Regular.woff2) format('woff2')`,
    );
  });

  it("keeps relative and local sources, and a list with nothing of ours", () => {
    expect(sameOriginSources("url(/fonts/a.woff2), local(Arial)", ORIGIN)).toBe("url(/fonts/a.woff2), local(Arial)");
    expect(sameOriginSources("url(https://esm.sh/a.woff2)", ORIGIN)).toBe("url(https://esm.sh/a.woff2)");
    expect(sameOriginSources("", ORIGIN)).toBe("");
  });
});
