// ncc writes an ESM bundle for a "type": "module" package; a package.json beside each bundle makes Node load it
// as ESM on its own, wherever the Action or the CLI is unpacked. The launchers are built apart and placed beside
// their bundles: dist/launch.js (src/launch-main.ts) is the Action's `main`, dist/cli/launch.js
// (src/cli/launch-main.ts) the `promptgate` bin. Commands a bundle loads when they run (import()) are chunks beside it.
import { writeFileSync, readFileSync, chmodSync, rmSync } from 'node:fs';

for (const dir of ['dist', 'dist/cli']) {
  writeFileSync(`${dir}/package.json`, JSON.stringify({ type: 'module' }, null, 2) + '\n');
}
const executable = (file, text) => {
  writeFileSync(file, text.startsWith('#!') ? text : '#!/usr/bin/env node\n' + text);
  chmodSync(file, 0o755);
};
const built = (dir) => {
  const text = readFileSync(`${dir}/index.js`, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return text;
};
writeFileSync('dist/launch.js', built('dist/launch-build'));
executable('dist/cli/launch.js', built('dist/cli-launch-build'));
executable('dist/cli/index.js', readFileSync('dist/cli/index.js', 'utf8'));
