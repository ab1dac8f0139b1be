import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/**
 * A stand-in for the Hugging Face hub on 127.0.0.1 for tests: it answers the reachability check
 * at `/` and serves `<sourceDir>/<model id>/<file>` at `/<model id>/resolve/main/<file>`, the URL
 * transformers.js builds, in small chunks so progress is reported more than once. Everything
 * else is a 404. It records every request, so a test can assert that none was made.
 */
export interface FakeModelHub {
  /** Base URL ending in a slash, as MODEL_HUB_URL is after parsing. */
  url: string;
  requests: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

const CHUNK_BYTES = 64 * 1024;
const FILE_PATH = /^\/(.+)\/resolve\/main\/(.+)$/;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

export async function startFakeModelHub(sourceDir: string): Promise<FakeModelHub> {
  const requests: FakeModelHub["requests"] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push({ method: request.method ?? "GET", path: url.pathname });
    if (url.pathname === "/") return response.writeHead(200).end();
    const match = FILE_PATH.exec(url.pathname);
    const file = match ? path.resolve(sourceDir, match[1] ?? "", match[2] ?? "") : "";
    if (!file.startsWith(`${path.resolve(sourceDir)}${path.sep}`) || !existsSync(file) || !statSync(file).isFile()) {
      return response.writeHead(404).end();
    }
    const bytes = readFileSync(file);
    response.writeHead(200, { "content-length": bytes.length, "content-type": "application/octet-stream" });
    if (request.method === "HEAD") return response.end();
    for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
      response.write(bytes.subarray(start, start + CHUNK_BYTES));
      // A pause between chunks, so the client sees several reads rather than one.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    response.end();
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, requests, close: closer(server) };
}

/** A server that accepts connections and never answers: a hub behind a black-holing network. */
export async function startSilentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(() => {});
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, close: closer(server) };
}

/** A loopback URL whose port was just freed, so connecting to it is refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  const port = await listen(server);
  await closer(server)();
  return `http://127.0.0.1:${port}/`;
}
