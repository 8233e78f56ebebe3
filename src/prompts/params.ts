import { z } from 'zod';

/**
 * Model parameters sent with every call. Known ones are typed; others pass through to the endpoint as-is. A prompt
 * file may set them (front matter, `modelParameters`), and so may promptgate.yml: they live here, with the prompt
 * formats, and the config's schema (src/config/schema.ts) takes them from here (see docs/architecture.md, "Layers").
 */
export const ModelParamsSchema = z.looseObject({
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().positive().optional(),
  top_p: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
  stop: z.union([z.string(), z.array(z.string())]).optional(),
  response_format: z.unknown().optional(),
});
export type ModelParams = z.infer<typeof ModelParamsSchema>;
