import { z } from 'zod';

const ROLES = ['system', 'developer', 'user', 'assistant'] as const;

/** One chat message as files write it. Roles are case-insensitive, as `gh models` reads them. */
export const MessageSchema = z.strictObject({
  role: z
    .string()
    .transform((role) => role.toLowerCase())
    .pipe(z.enum(ROLES, { error: () => `a role must be one of ${ROLES.join(', ')}` })),
  content: z.string({
    error: (issue) => (issue.input === undefined ? 'content is missing' : 'content must be text (quote it if it looks like a number, list or mapping)'),
  }),
});
