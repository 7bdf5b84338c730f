// The platform's REST API with the signed-in person's token. Errors are problem details (RFC 9457): the server
// answers in the language asked for (Accept-Language), and the detail is what a form shows.
import { accessToken, signIn } from './auth.js';
import { currentLocale } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function authHeaders() {
  const token = accessToken();
  return { 'Accept-Language': currentLocale(), ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json', ...authHeaders() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    await signIn();
    throw new ApiError(401, { title: 'Unauthorized' });
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json ?? {});
  return json;
}
