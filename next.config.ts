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
  // The fixed security headers, on every response including static assets; the proxy adds the CSP.
  async headers() {
    return configHeaders();
  },
};

export default nextConfig;
