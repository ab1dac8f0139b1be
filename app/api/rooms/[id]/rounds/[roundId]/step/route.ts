import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { setRoundStep } from "@/services/rooms/round-service";
import { roundStepBody } from "../../../../schemas";
import { type RoundContext, roundParams } from "../../params";

/** PUT: the member interviewer moves the round to another step. */
export const PUT = handleRoute(async (request: Request, context: RoundContext) => {
  const ids = await roundParams(context);
  const body = await parseJsonBody(request, roundStepBody);
  return NextResponse.json(
    await setRoundStep(await getDatabase(), { ...ids, userId: await getCurrentUserId(), step: body.step }),
  );
});
