import { NextResponse } from "next/server";
import { z } from "zod";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { setDisplayName } from "@/services/history";

const meBody = z.object({
  displayName: z
    .string()
    .trim()
    .max(60, "a display name can be at most 60 characters")
    .transform((v) => (v === "" ? null : v)),
});

/** PATCH: the display name shown on shared transcripts (empty clears it). */
export const PATCH = handleRoute(async (request: Request) => {
  const { displayName } = await parseJsonBody(request, meBody);
  await setDisplayName(await getCurrentUserId(), displayName);
  return NextResponse.json({ displayName });
});
