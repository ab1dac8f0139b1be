import type { NextConfig } from "next";
import { configHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its wasm and extension bundles from its own package directory at run time.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "@electric-sql/pglite-socket",
    // Native or WASM engines of the reference pipelines load their binaries from their own package.
    "usearch",
    "hnswlib-node",
    "ml-xgboost",
  ],
  // Scenario files are read from disk by route handlers and server components.
  outputFileTracingIncludes: { "/**": ["./scenarios/**/*", "./db/migrations/**/*"] },
  poweredByHeader: false,
  turbopack: {
    resolveAlias: {
      // The number reader's "browser" build only sets a global; the diagram canvas (which reads
      // pasted Mermaid in the browser) needs its module build, as the server uses.
      "@microsoft/recognizers-text-number": {
        browser: "@microsoft/recognizers-text-number/dist/recognizers-text-number.es5.js",
      },
    },
  },
  // The fixed security headers, on every response including static assets; the proxy adds the CSP.
  async headers() {
    return [
      ...configHeaders(),
      // Excalidraw's fonts, copied from the package at build time: the same for a whole release.
      { source: "/excalidraw/:path*", headers: [{ key: "Cache-Control", value: "public, max-age=604800" }] },
    ];
  },
};

export default nextConfig;
