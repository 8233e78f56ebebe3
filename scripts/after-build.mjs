// ncc writes an ESM bundle for a "type": "module" package; a package.json beside each bundle makes Node load it
// as ESM on its own, wherever the Action or the CLI is unpacked.
import { writeFileSync, readFileSync, chmodSync } from 'node:fs';

for (const dir of ['dist', 'dist/cli']) {
  writeFileSync(`${dir}/package.json`, JSON.stringify({ type: 'module' }, null, 2) + '\n');
}
const cli = 'dist/cli/index.js';
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, '#!/usr/bin/env node\n' + text);
chmodSync(cli, 0o755);
