// ncc writes an ESM bundle for a "type": "module" package; a package.json beside each bundle makes Node load it
// as ESM on its own, wherever the Action or the CLI is unpacked. The launcher (src/launch-main.ts) is built once
// and placed beside each bundle: dist/launch.js is the Action's `main`, dist/cli/launch.js the `promptgate` bin.
import { writeFileSync, readFileSync, chmodSync, rmSync } from 'node:fs';

for (const dir of ['dist', 'dist/cli']) {
  writeFileSync(`${dir}/package.json`, JSON.stringify({ type: 'module' }, null, 2) + '\n');
}
const executable = (file, text) => {
  writeFileSync(file, text.startsWith('#!') ? text : '#!/usr/bin/env node\n' + text);
  chmodSync(file, 0o755);
};
const launcher = readFileSync('dist/launch-build/index.js', 'utf8');
rmSync('dist/launch-build', { recursive: true, force: true });
writeFileSync('dist/launch.js', launcher);
executable('dist/cli/launch.js', launcher);
executable('dist/cli/index.js', readFileSync('dist/cli/index.js', 'utf8'));
