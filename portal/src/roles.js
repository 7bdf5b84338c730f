// Which pages and actions a signed-in person sees, from the token's roles. These mirror rows of the permission matrix
// (gateway/src/main/resources/security/operations.csv), which the server enforces regardless: hiding is for clarity.
import { claims } from './auth.js';

const CAN = {
  followAlerts: ['DUTY_OFFICER', 'SUPERVISOR', 'EMERGENCY_TEAM', 'ANALYST', 'REGULATOR'], // GET /api/v1/alerts/stream
  acknowledge: ['DUTY_OFFICER', 'SUPERVISOR', 'EMERGENCY_TEAM'], // POST /api/v1/alerts/{id}/acknowledge, GET .../deliveries
  judge: ['DUTY_OFFICER', 'SUPERVISOR', 'ANALYST'], // PUT /api/v1/alerts/{id}/verdict
  jointWarnings: ['DUTY_OFFICER', 'SUPERVISOR', 'EMERGENCY_TEAM', 'ANALYST', 'REGULATOR'], // GET /api/v1/joint-warnings
  closeJointWarning: ['SUPERVISOR', 'EMERGENCY_TEAM'], // POST /api/v1/joint-warnings/{id}/close (acknowledge: as alerts)
  incidents: ['DUTY_OFFICER', 'SUPERVISOR', 'EMERGENCY_TEAM', 'ANALYST', 'REGULATOR'], // GET /api/v1/incidents
  command: ['SUPERVISOR', 'EMERGENCY_TEAM'], // PATCH /api/v1/incidents/{id}/tasks/{taskId}
  comment: ['DUTY_OFFICER', 'SUPERVISOR', 'EMERGENCY_TEAM', 'REGULATOR'], // POST /api/v1/incidents/{id}/timeline
  trend: ['DUTY_OFFICER', 'ANALYST', 'SUPERVISOR', 'EMERGENCY_TEAM', 'REGULATOR'], // POST /api/v1/analytics/trend
  review: ['DATA_REVIEWER'], // GET /api/v1/reviews, POST /api/v1/reviews/{id}/decision
  analyse: ['ANALYST', 'SUPERVISOR', 'EMERGENCY_TEAM', 'REGULATOR'], // POST /api/v1/analytics/flow, /interpolate, /trace
  optimiseNetwork: ['ANALYST', 'SUPERVISOR'], // POST /api/v1/analytics/network
  remediation: ['ANALYST', 'SUPERVISOR'], // POST /api/v1/analytics/remediation
  drills: ['DUTY_OFFICER', 'SUPERVISOR', 'EMERGENCY_TEAM', 'ANALYST', 'REGULATOR'], // GET /api/v1/drills
  startDrill: ['SUPERVISOR', 'EMERGENCY_TEAM'], // POST /api/v1/drills, /api/v1/drills/{id}/finish
  administerSystem: ['SYSTEM_ADMIN'], // POST /api/v1/users, /api/v1/organisations, /api/v1/clients
  administerSecurity: ['SECURITY_ADMIN'], // POST /api/v1/policies, PUT /api/v1/users/{username}/roles
  audit: ['AUDIT_ADMIN'], // GET /api/v1/audit/verify, /entries, /logins, /export
  maintainDevices: ['OM_ENGINEER'], // POST /api/v1/sensors/{code}/maintenance
  dashboards: ['DUTY_OFFICER', 'SUPERVISOR', 'EMERGENCY_TEAM', 'ANALYST', 'DATA_REVIEWER', 'OM_ENGINEER'], // GET/POST /api/v1/dashboards
  customReports: ['DUTY_OFFICER', 'SUPERVISOR', 'EMERGENCY_TEAM', 'ANALYST', 'REGULATOR'], // POST /api/v1/reports/custom
};

export function roles() {
  return claims()?.roles ?? [];
}

export function can(action) {
  return roles().some((r) => CAN[action].includes(r));
}
