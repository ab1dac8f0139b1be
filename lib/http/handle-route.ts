import { NextResponse } from "next/server";
import { z } from "zod";
import { ConfigError } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { UnknownScenarioError } from "@/lib/scenarios/library";

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Maps any error to a JSON response: AppError keeps its status; anything unexpected is logged and hidden. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError)
    return NextResponse.json(errorBody(error.code, error.message), { status: error.status });
  if (error instanceof UnknownScenarioError) {
    return NextResponse.json(errorBody("bad_request:scenario", error.message), { status: 400 });
  }
  if (error instanceof z.ZodError) {
    const message = error.issues
      .map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
      .join("; ");
    return NextResponse.json(errorBody("bad_request:input", message), { status: 400 });
  }
  if (error instanceof ConfigError) {
    logger.error(error.message);
    return NextResponse.json(errorBody("unavailable:config", error.message), { status: 503 });
  }
  logger.error("unhandled error in a route handler", error);
  return NextResponse.json(
    errorBody("internal:server", "Something went wrong on our side; nothing you sent was lost."),
    {
      status: 500,
    },
  );
}

/** Reads a JSON body and validates it; a missing or malformed body is a 400 with a sentence. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new AppError("bad_request:body", "The request body must be JSON.");
  }
  return schema.parse(raw);
}

/** Wraps a route handler so every failure becomes a typed JSON error. */
export function handleRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
