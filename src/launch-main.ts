import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './launch.js';

// Built beside each bundle (dist/launch.js → dist/index.js, dist/cli/launch.js → dist/cli/index.js); see launch.ts.
const target = join(dirname(fileURLToPath(import.meta.url)), 'index.js');
process.exitCode = await launch({ target, args: process.argv.slice(2) });
