// The Action's bundle: ncc writes an ESM bundle for a "type": "module" package; a package.json beside it makes Node
// load it as ESM on its own, wherever the Action is unpacked. The CLI's bundle is CommonJS (src/cli/bundle.cjs: so
// that Node 20 can cache its compiled code, see src/compile-cache.ts), and dist/cli/package.json says so for its
// chunks. The launchers are built apart and placed beside their bundles: dist/launch.js (src/launch-main.ts) is the
// Action's `main`, dist/cli/launch.js (src/cli/bin.cjs) the `promptgate` bin. Commands a bundle loads when they run
// (import()) are chunks beside it.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { licensesText } from './licenses.mjs';

writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n');
writeFileSync('dist/cli/package.json', JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
const built = (dir, file) => {
  const text = readFileSync(`${dir}/${file}`, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return text;
};
writeFileSync('dist/launch.js', built('dist/launch-build', 'index.js'));
const bin = built('dist/cli-launch-build', 'index.cjs');
writeFileSync('dist/cli/launch.js', bin.startsWith('#!') ? bin : '#!/usr/bin/env node\n' + bin);
chmodSync('dist/cli/launch.js', 0o755);
// The licenses of everything both bundles hold (scripts/licenses.mjs says why not ncc's --license).
const stats = ['dist/stats.json', 'dist/cli/stats.json'];
writeFileSync('dist/licenses.txt', licensesText('.', stats));
for (const f of stats) rmSync(f);
