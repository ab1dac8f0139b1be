import { annParamsSchema } from "@/lib/pipelines/ann/params";
import { capacityParamsSchema } from "@/lib/pipelines/capacity/params";
import { ctrParamsSchema } from "@/lib/pipelines/ctr/params";
import { funnelParamsSchema } from "@/lib/pipelines/funnel/params";
import { ANN_FIELDS } from "./ann";
import { CAPACITY_FIELDS } from "./capacity";
import { CTR_FIELDS } from "./ctr";
import { FUNNEL_FIELDS } from "./funnel";
import type { LabForm } from "./types";

export type { LabField, LabFieldKind, LabForm } from "./types";

/** Every Lab form by pipeline name. */
export const LAB_FORMS: Record<string, LabForm> = {
  ann: { schema: annParamsSchema, fields: ANN_FIELDS },
  capacity: { schema: capacityParamsSchema, fields: CAPACITY_FIELDS },
  ctr: { schema: ctrParamsSchema, fields: CTR_FIELDS },
  funnel: { schema: funnelParamsSchema, fields: FUNNEL_FIELDS },
};
