// Fails (exit 1) when a message key is missing from one of the bundles, or when the code asks for a key that no bundle
// defines: a string the user would otherwise see as its raw key. Run by `npm run build`, so the gateway's Maven build
// fails too. Keys built at run time (t(`level.${level}`)) are checked through their known values in KNOWN_DYNAMIC.
// Two pages, two sets of bundles: the operators' portal (src/i18n, every source outside src/public) and the public
// portal (src/public/i18n, the sources in src/public), which loads none of the operators' strings.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const PAGES = [
  {
    name: 'operators',
    bundles: join(root, 'i18n'),
    includes: (path) => !path.startsWith(join(root, 'public') + sep),
    dynamic: {
      'level.': ['GENERAL', 'SERIOUS', 'SEVERE'],
      'joint.state.': ['OPEN', 'CLOSING'],
      'interval.': ['hour', 'day', 'month'],
      'nav.': ['dashboard', 'map', 'alerts', 'incidents', 'subsurface', 'analysis', 'remediation', 'drills', 'dashboards', 'reports', 'system', 'security', 'audit', 'om'],
      'dashboards.indicator.': ['series', 'alerts-by-level', 'completeness', 'wells-by-class'],
      'dashboards.title.': ['series', 'alerts-by-level', 'completeness', 'wells-by-class'],
      'dashboards.chart.': ['line', 'bar', 'scatter', 'number'],
      'reports.section.': ['series', 'statistics', 'alerts', 'map'],
      'analysis.': ['PENDING', 'DONE', 'FAILED', 'flow', 'surface', 'network', 'trace'],
      'analysis.path.': ['FORWARD', 'BACKWARD'],
      'analysis.stop.': ['GRID_EDGE', 'STAGNATION'],
      'analysis.compass.': ['0', '1', '2', '3', '4', '5', '6', '7'],
      'drills.status.': ['SIMULATING', 'RESPONDING', 'UNDETECTED', 'FINISHED', 'FAILED'],
      'drills.column.': ['item', 'measured', 'target', 'points'],
      'remediation.field.': ['conductivity', 'porosity', 'gradient', 'thickness', 'sourceConcentration', 'sourceWidth', 'retardation',
        'decayPerDay', 'sourceStartDay', 'target', 'complianceX', 'horizonYears', 'cellSize'],
      'remediation.part.': ['site', 'compliance', 'grid'],
      'remediation.kind.': ['MNA', 'PRB', 'PUMP_AND_TREAT', 'ISCO'],
      'job.state.': ['CANCELLED', 'FAILED'],
      'remediation.column.': ['rank', 'option', 'daysToTarget', 'residual', 'area', 'cost'],
      'dispatch.': ['DISPATCHED', 'EN_ROUTE', 'ON_SITE', 'RETURNED'],
      'trend.': ['INCREASING', 'PROBABLY_INCREASING', 'NO_TREND', 'STABLE', 'PROBABLY_DECREASING', 'DECREASING'],
      'review.': ['ACCEPTED', 'CORRECTED', 'REJECTED'],
      'reviewed.': ['ACCEPTED', 'CORRECTED', 'REJECTED', 'OPEN'],
      'role.': ['DUTY_OFFICER', 'SUPERVISOR', 'EMERGENCY_TEAM', 'ANALYST', 'DATA_REVIEWER', 'OM_ENGINEER', 'ENTERPRISE_USER', 'REGULATOR',
        'PARTNER_PARK', 'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'PUBLIC'],
      'orgKind.': ['PUBLIC', 'PROVINCIAL_REGULATOR', 'CITY_REGULATOR', 'PARK_ADMINISTRATION', 'ENTERPRISE', 'PARTNER_PARK'],
      'admin.policy.state.': ['DRAFT', 'ACTIVE', 'RETIRED'],
      'admin.explain.aggregated.': ['HOURLY', 'DAILY', 'MONTHLY'],
      'admin.audit.problem.': ['CHANGED', 'DELETED', 'REORDERED'],
      'admin.audit.kind.': ['DISCLOSURE', 'LOGIN', 'ADMINISTRATION'],
      'admin.audit.login.': ['LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOCKED_OUT', 'PASSWORD_CHANGED', 'TOKEN_ISSUED', 'TOKEN_REFUSED', 'TOKEN_REVOKED',
        'BEARER_REFUSED', 'SETUP'],
      'admin.om.kind.': ['ZERO_CHECK', 'SPAN_CHECK', 'CALIBRATION', 'MAINTENANCE', 'REPAIR', 'REPLACEMENT'],
    },
  },
  {
    name: 'public',
    bundles: join(root, 'public', 'i18n'),
    includes: (path) => path.startsWith(join(root, 'public') + sep),
    dynamic: {
      'nav.': ['status', 'map', 'trend', 'disclosure', 'open'],
      'state.': ['good', 'watch', 'alert', 'none'],
      'status.': ['good', 'watch', 'alert'],
      'class.': ['1', '2', '3', '4', '5'],
      'meaning.': ['1', '2', '3', '4', '5'],
      'step.': ['HOURLY', 'DAILY', 'MONTHLY'],
      'disclosure.': ['places', 'values', 'alerts', 'enterprises'],
      'open.': ['wms', 'wfs', 'ogcapi', 'sta', 'catalog', 'records', 'park', 'docs'],
    },
  },
];

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.js') ? [path] : [];
  });
}

const problems = [];
let summary = [];
for (const page of PAGES) {
  const bundles = Object.fromEntries(readdirSync(page.bundles).filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(join(page.bundles, f), 'utf8'))]));
  const allKeys = new Set(Object.values(bundles).flatMap((b) => Object.keys(b)));
  for (const [file, bundle] of Object.entries(bundles)) {
    for (const key of allKeys) if (!(key in bundle)) problems.push(`${page.name} ${file}: missing "${key}"`);
  }
  const used = new Set();
  for (const file of sources(root).filter(page.includes)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(match[1]);
    for (const match of text.matchAll(/\bt\(\s*`([a-zA-Z.]+\.)\$\{/g)) {
      if (!page.dynamic[match[1]]) problems.push(`${file}: key built at run time from "${match[1]}" has no KNOWN_DYNAMIC entry`);
      else page.dynamic[match[1]].forEach((value) => used.add(match[1] + value));
    }
  }
  for (const key of used) if (!allKeys.has(key)) problems.push(`${page.name}: used but defined in no bundle: "${key}"`);
  summary.push(`${page.name}: ${allKeys.size} keys in ${Object.keys(bundles).join(', ')}`);
}

if (problems.length) {
  console.error(`Message bundles are incomplete:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Message bundles complete: ${summary.join('; ')}`);
