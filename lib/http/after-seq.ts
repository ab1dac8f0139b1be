import { z } from "zod";

const seqParam = z.coerce
  .number()
  .int("not an event number")
  .min(0, "not an event number")
  .max(2 ** 31 - 1);

/**
 * Where a live event stream resumes: the `Last-Event-ID` a reconnecting browser sends, else
 * `?after=` (the `eventSeq` of the view a page shows), else the start. A bad number is a 400.
 */
export function afterSeqOf(request: Request): number {
  const lastEventId = request.headers.get("last-event-id");
  const after = new URL(request.url).searchParams.get("after");
  return seqParam.parse(lastEventId ?? after ?? 0);
}
