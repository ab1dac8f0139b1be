import { getPassageById } from "@/db/queries/passages";
import { AppError } from "@/lib/errors";
import { getDatabase } from "./database";

/** One case-study passage by chunk id, for citations that expand in the UI. */
export async function getPassage(id: string) {
  const passage = await getPassageById({ db: (await getDatabase()).db, id });
  if (!passage) throw new AppError("not_found:passage", "No passage has that id.");
  return passage;
}
