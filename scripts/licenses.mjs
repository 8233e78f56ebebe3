// The licenses of every package bundled into dist/, from the bundles' webpack stats (`ncc --stats-out`).
// Written here rather than taken from ncc's `--license`: that option writes one file per chunk under the same name,
// so the last chunk written wins — once a bundle had an async chunk holding only `diff`, dist/licenses.txt listed
// `diff` alone. The format is the one ncc's option writes: name, license, text, a blank line between packages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Package folders (`node_modules/<name>` or `node_modules/@scope/name`, nested ones kept whole) in a stats file. */
function bundledPackages(statsFile) {
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  const found = new Set();
  const walk = (modules) => {
    for (const m of modules ?? []) {
      const match = typeof m.name === 'string' ? /^(?:\.\/)?((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/?]+)/.exec(m.name) : null;
      if (match) found.add(match[1]);
      walk(m.modules);
    }
  };
  walk(stats.modules);
  return found;
}

const LICENSE_FILE = /^(?:licen[cs]e|copying)(?:[.-].*)?$/i;

/** The text of licenses.txt for the packages bundled per the given stats files (paths relative to `root`). */
export function licensesText(root, statsFiles) {
  const dirs = new Set(statsFiles.flatMap((f) => [...bundledPackages(f)]));
  const entries = new Map();
  for (const dir of dirs) {
    const pkgFile = join(root, dir, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? (Array.isArray(pkg.licenses) ? pkg.licenses.map((l) => l.type ?? l).join(' OR ') : 'UNKNOWN'));
    const file = readdirSync(join(root, dir)).find((f) => LICENSE_FILE.test(f));
    const text = file ? readFileSync(join(root, dir, file), 'utf8').trim() : '';
    const key = `${pkg.name}@${pkg.version}`;
    if (!entries.has(key)) entries.set(key, { name: pkg.name, parts: [pkg.name, license, ...(text ? [text] : [])] });
  }
  return `${[...entries.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => e.parts.join('\n'))
    .join('\n\n')}\n`;
}
