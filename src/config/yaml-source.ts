// Moved to src/source/yaml.ts, below every part that reads YAML (docs/architecture.md); this name remains only for
// the imports not yet updated.
export * from '../source/yaml.js';
