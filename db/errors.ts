/** A database failure with a stable code; the driver's message is logged, never shown to users. */
export class DatabaseError extends Error {
  constructor(
    readonly code: `db:${string}`,
    cause: unknown,
  ) {
    super(`Database operation failed (${code})`, { cause });
    this.name = "DatabaseError";
  }
}

/** Runs a query and rethrows any driver error as a DatabaseError with `code`. */
export async function withDbError<T>(code: `db:${string}`, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError(code, error);
  }
}
