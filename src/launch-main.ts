import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCompileCache } from './compile-cache.js';
import { launch } from './launch.js';

// The Action's `main` (dist/launch.js), built beside its bundle (dist/index.js): every run of the Action is a review,
// so it always starts the bundle behind the launcher (see launch.ts). The CLI's bin is src/cli/bin.cjs.
const target = join(dirname(fileURLToPath(import.meta.url)), 'index.js');
process.exitCode = await launch({ target, args: process.argv.slice(2), env: withCompileCache(process.env) });
