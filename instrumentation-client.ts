import { z } from "zod";

// Runs in the browser before the app becomes interactive. Zod compiles object schemas with
// `new Function` when it may; probing for that is an eval, which the Content-Security-Policy
// blocks and reports as a violation on every page that validates. Jitless parsing is as correct.
z.config({ jitless: true });
