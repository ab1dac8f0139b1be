/** Runs once when the Next.js server starts; the work lives in a Node-only module. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/services/start-server");
    await startServer();
  }
}
