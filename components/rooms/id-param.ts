import { z } from "zod";

/** Room and round ids are UUIDs; anything else is a page that does not exist. */
export const roomIdParam = z.uuid();
