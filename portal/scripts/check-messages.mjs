// Fails (exit 1) when a message key is missing from one of the bundles, or when the code asks for a key that no bundle
// defines: a string the user would otherwise see as its raw key. Run by `npm run build`, so the gateway's Maven build
// fails too. Keys built at run time (t(`level.${level}`)) are checked through their known values in KNOWN_DYNAMIC.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const KNOWN_DYNAMIC = {
  'level.': ['GENERAL', 'SERIOUS', 'SEVERE'],
  'interval.': ['hour', 'day', 'month'],
  'nav.': ['dashboard', 'map', 'alerts', 'incidents'],
  'analysis.': ['PENDING', 'DONE', 'FAILED'],
  'dispatch.': ['DISPATCHED', 'EN_ROUTE', 'ON_SITE', 'RETURNED'],
  'trend.': ['INCREASING', 'PROBABLY_INCREASING', 'NO_TREND', 'STABLE', 'PROBABLY_DECREASING', 'DECREASING'],
  'review.': ['ACCEPTED', 'CORRECTED', 'REJECTED'],
  'reviewed.': ['ACCEPTED', 'CORRECTED', 'REJECTED', 'OPEN'],
};

const bundles = Object.fromEntries(readdirSync(join(root, 'i18n')).filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(root, 'i18n', f), 'utf8'))]));
const problems = [];
const allKeys = new Set(Object.values(bundles).flatMap((b) => Object.keys(b)));
for (const [file, bundle] of Object.entries(bundles)) {
  for (const key of allKeys) if (!(key in bundle)) problems.push(`${file}: missing "${key}"`);
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.js') ? [path] : [];
  });
}
const used = new Set();
for (const file of sources(root)) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(match[1]);
  for (const match of text.matchAll(/\bt\(\s*`([a-z]+\.)\$\{/g)) {
    if (!KNOWN_DYNAMIC[match[1]]) problems.push(`${file}: key built at run time from "${match[1]}" has no KNOWN_DYNAMIC entry`);
    else KNOWN_DYNAMIC[match[1]].forEach((value) => used.add(match[1] + value));
  }
}
for (const key of used) if (!allKeys.has(key)) problems.push(`used but defined in no bundle: "${key}"`);

if (problems.length) {
  console.error(`Message bundles are incomplete:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Message bundles complete: ${allKeys.size} keys in ${Object.keys(bundles).join(', ')}`);
