// The CLI bundle's entry (dist/cli/index.cjs), loaded by the `promptgate` bin (src/cli/bin.cjs). CommonJS, not ESM:
// Node 20 can keep V8's compiled code of CommonJS files between runs, and of ES modules only from Node 22 on
// (src/compile-cache.ts; docs/architecture.md, "Start-up").
module.exports = require('../cli-main.ts');
