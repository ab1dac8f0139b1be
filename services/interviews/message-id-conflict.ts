import { AppError } from "@/lib/errors";

/** A message id the client chose is already another message's (ids are global): refused, never silently skipped. */
export function messageIdConflict(): AppError {
  return new AppError(
    "conflict:message_id",
    "This message id is already used by another message; send it again with a new id.",
  );
}
