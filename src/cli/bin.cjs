// The `promptgate` bin (dist/cli/launch.js): turns on the compile cache before anything large is compiled, then
// loads the CLI bundle beside it and runs it (src/cli-main.ts). Kept this small so that it starts at once.
const { useCompileCache } = require('../compile-cache.ts');

useCompileCache(__dirname);
// The bundle is a file of its own beside this one, loaded at run time, not bundled into this file.
__non_webpack_require__('./index.cjs')
  .main(__filename)
  .catch((err) => {
    process.stderr.write(`promptgate: ${err?.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  });
