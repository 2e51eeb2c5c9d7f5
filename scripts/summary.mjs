// One line for `make test`: what the hostile-world tests counted
// (tests/e2e/summary.mjs). `--reset` clears the tally before a run.
import { readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';

const DIR = 'target/summary';
if (process.argv[2] === '--reset') {
  rmSync(DIR, { recursive: true, force: true });
  process.exit(0);
}
const got = {};
if (existsSync(DIR)) for (const f of readdirSync(DIR)) got[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8'));
const n = (k, f) => got[k]?.[f] ?? 0;
const parts = [];
if (got.xss) parts.push(`xss: ${n('xss', 'vectors')} vectors × ${n('xss', 'slots')} slots, ${n('xss', 'executed')} executed`);
if (got.baddata) parts.push(`bad data: ${n('baddata', 'cases')} cases, ${n('baddata', 'panics')} panics`);
if (got.faults) parts.push(`faults: ${n('faults', 'scenarios')} scenarios, ${n('faults', 'uncaught')} uncaught`);
if (got.isolation) parts.push(`isolation: ${n('isolation', 'identical')}/${n('isolation', 'pages')} pages identical`);
if (got.csp) parts.push(`csp+tt: ${n('csp', 'violations')} violations`);
if (got.privacy) parts.push(`privacy: ${n('privacy', 'storage')} storage writes, ${n('privacy', 'foreign')} foreign requests`);
for (const k of Object.keys(got)) if (!['xss', 'baddata', 'faults', 'isolation', 'csp', 'privacy'].includes(k)) parts.push(`${k}: ${JSON.stringify(got[k])}`);
console.log(parts.length ? parts.join('; ') : 'hostile world: nothing recorded');
