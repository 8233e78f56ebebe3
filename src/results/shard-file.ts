import { z } from 'zod';
import { PromptgateError } from '../errors.js';
import type { SampleRecord } from '../run/types.js';

/**
 * A shard's result (`promptgate run --shard i/n --json part.json`): the finished samples themselves, so that
 * `promptgate merge` recomputes exactly the statistics an unsharded run would.
 */
const ModelOutputSchema = z.object({
  text: z.string(),
  toolCalls: z.array(z.object({ name: z.string(), arguments: z.string() })).optional(),
  latencyMs: z.number(),
  usage: z.object({ input: z.number(), output: z.number() }),
  finishReason: z.string().optional(),
});
const Common = {
  suite: z.string(),
  variant: z.enum(['baseline', 'candidate']),
  caseId: z.string(),
  sampleIndex: z.number().int().min(0),
  cached: z.boolean(),
  retries: z.number().int().min(0),
  costUsd: z.number(),
};
export const SampleRecordSchema = z.discriminatedUnion('ok', [
  z.object({ ...Common, ok: z.literal(true), output: ModelOutputSchema, passed: z.boolean(), score: z.number(), reason: z.string().optional() }),
  z.object({ ...Common, ok: z.literal(false), error: z.string() }),
]);

export const ShardFileSchema = z.object({
  kind: z.literal('promptgate-shard'),
  schema_version: z.literal(1),
  base: z.string(),
  head: z.string(),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }),
  records: z.array(SampleRecordSchema),
});
export type ShardFile = z.infer<typeof ShardFileSchema>;

export function shardFile(base: string, head: string, shard: { index: number; count: number }, records: SampleRecord[]): ShardFile {
  return { kind: 'promptgate-shard', schema_version: 1, base, head, shard, records };
}

export function parseShardFile(file: string, text: string): ShardFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new PromptgateError(`is not JSON: ${(err as Error).message}`, { file, hint: 'pass the files written by `promptgate run --shard i/n --json FILE`' });
  }
  const parsed = ShardFileSchema.safeParse(value);
  if (!parsed.success) {
    throw new PromptgateError(`is not a promptgate shard file: ${z.prettifyError(parsed.error).split('\n').slice(0, 4).join('; ')}`, {
      file,
      hint: 'pass the files written by `promptgate run --shard i/n --json FILE`',
    });
  }
  return parsed.data;
}

/** Check the parts belong together (same base, head, shard count, every index once) and concatenate them. */
export function combineShards(parts: { file: string; data: ShardFile }[]): { base: string; head: string; records: SampleRecord[] } {
  const first = parts[0];
  if (!first) throw new PromptgateError('no shard files given', { hint: 'promptgate merge parts/*.json' });
  const seen = new Set<number>();
  for (const { file, data } of parts) {
    if (data.base !== first.data.base || data.head !== first.data.head || data.shard.count !== first.data.shard.count) {
      throw new PromptgateError(`belongs to another review (base ${data.base.slice(0, 7)}, head ${data.head.slice(0, 7)}, ${data.shard.count} shards) than ${first.file}`, { file });
    }
    if (seen.has(data.shard.index)) throw new PromptgateError(`shard ${data.shard.index}/${data.shard.count} is given twice`, { file });
    seen.add(data.shard.index);
  }
  if (seen.size !== first.data.shard.count) {
    const missing = Array.from({ length: first.data.shard.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    throw new PromptgateError(`shards ${missing.join(', ')} of ${first.data.shard.count} are missing`, { hint: 'wait for every shard job and pass all their files' });
  }
  return { base: first.data.base, head: first.data.head, records: parts.flatMap((p) => p.data.records as SampleRecord[]) };
}
