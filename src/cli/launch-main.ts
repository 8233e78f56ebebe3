import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, runsReview, withCompileCache } from '../launch.js';

// The `promptgate` bin (dist/cli/launch.js), built beside the CLI's bundle (dist/cli/index.js). A review runs behind
// the launcher (its heap flags, the rerun after running out of memory); every other command loads the bundle right
// here, in this process, so `promptgate --version` costs one Node start, not two (see src/launch.ts).
const target = join(dirname(fileURLToPath(import.meta.url)), 'index.js');
const args = process.argv.slice(2);
const env = withCompileCache(process.env);
if (runsReview(args)) process.exitCode = await launch({ target, args, env });
else await import(/* webpackIgnore: true */ pathToFileURL(target).href);
