/**
 * The Goal and Rollout of a change note come from the PR (DESIGN §10): a `Goal:` line wins over the first paragraph
 * of the description; `Rollout:` only when written.
 */
export function prContext(title: string | undefined, body: string | undefined, url?: string): { title: string | null; goal: string | null; rollout: string | null; url: string | null } {
  const text = (body ?? '').replace(/\r\n/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  const line = (label: string) => text.match(new RegExp(`^\\s*(?:\\*\\*)?${label}:?(?:\\*\\*)?:?\\s*(.+)$`, 'im'))?.[1]?.trim() ?? null;
  const firstParagraph = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p !== '' && !/^#/.test(p) && !/^\s*(?:\*\*)?(goal|rollout)\b/i.test(p));
  return {
    title: title?.trim() || null,
    goal: line('Goal') ?? firstParagraph ?? null,
    rollout: line('Rollout'),
    url: url ?? null,
  };
}
