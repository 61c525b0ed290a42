/**
 * The shape of the policy config file (policies/config.ts), as a JSON Schema written with TypeBox
 * and checked by ajv like the baseline (precompiled by `npm run build`). It holds what does not
 * depend on the rule catalogue: the top-level keys and the suppressions' keys and types. Which
 * rule ids and parameters exist, and what type each parameter takes, is checked against the
 * catalogue in config.ts (a caller may pass its own rules).
 */
import { Type, type Static } from '@sinclair/typebox';

const Text = Type.String({ pattern: '\\S', description: 'write a non-empty text' });

export const SuppressionSchema = Type.Object(
  {
    rule: Type.Optional(Text),
    entity: Type.Optional(Text),
    realm: Type.Optional(Text),
    reason: Type.Optional(Text),
    expires: Type.Optional(Text),
  },
  { additionalProperties: false },
);

export const PolicyConfigSchema = Type.Object(
  {
    /** Rule id (or `all`) → an enforcement level, or a mapping of enforcementLevel and parameters. */
    rules: Type.Optional(Type.Unsafe<Record<string, unknown> | null>({ type: ['object', 'null'] })),
    suppressions: Type.Optional(
      Type.Unsafe<Static<typeof SuppressionSchema>[] | null>({ type: ['array', 'null'], items: SuppressionSchema }),
    ),
    /** Read by watch/config.ts. */
    watch: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);

export type PolicyConfigDocument = Static<typeof PolicyConfigSchema>;
