// The hostile-world tally (docs/SECURITY.md): test files that count cases
// (XSS vectors, bad data, faults, host pages, CSP and Trusted Types,
// privacy) record their counts here, one JSON file per key under
// target/summary/, and `node scripts/summary.mjs` prints them as one line
// at the end of `make test`.
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';

export const DIR = 'target/summary';

/** Add `counts` (numbers) to what `key` recorded in this run. */
export function record(key, counts) {
  mkdirSync(DIR, { recursive: true });
  const file = `${DIR}/${key}.json`;
  const old = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const [k, v] of Object.entries(counts)) old[k] = typeof v === 'number' ? (old[k] || 0) + v : v;
  writeFileSync(file, JSON.stringify(old));
}
