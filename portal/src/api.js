// The platform's REST API with the signed-in person's token. Errors are problem details (RFC 9457): the server
// answers in the language asked for (Accept-Language), and the detail is what a form shows.
import { accessToken, signIn, signInLapsed } from './auth.js';
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

/** Fetches with the token; a token that has lapsed signs in again first, so staff never see the public's view unawares. */
export async function authorizedFetch(path, options = {}) {
  if (signInLapsed()) {
    await signIn();
    throw new ApiError(401, { title: 'Unauthorized' });
  }
  return fetch(path, { ...options, headers: { ...authHeaders(), ...(options.headers || {}) } });
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await authorizedFetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    await signIn();
    throw new ApiError(401, { title: 'Unauthorized' });
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json ?? {});
  return json;
}

/**
 * A refusal shown in a form: the server's reason beside the field its problem names (RFC 9457 member "field"), else
 * beside the control that sent it; an earlier reason in the form goes.
 */
export function showProblem(form, error, control) {
  clearProblems(form);
  const at = error instanceof ApiError ? error.problem?.field : null;
  const field = at ? fieldNamed(form, at) : null;
  const message = document.createElement('span');
  message.className = 'field-error';
  message.setAttribute('role', 'alert');
  message.textContent = error.message;
  (field ?? control).after(message);
}

/**
 * The control of {@code form} that a problem's field names: the control of that name; for a list's item
 * (panels[0].wells[1]) the list's control when the item has none of its own; for a pair of fields (from/to) the first
 * of them the form has.
 */
function fieldNamed(form, at) {
  const named = (name) => form.querySelector(`[name="${CSS.escape(name)}"]`);
  const candidates = [at, at.replace(/\[\d+\]$/, ''), ...at.split('/')];
  return candidates.filter((name) => name !== '').map(named).find((control) => control) ?? null;
}

export function clearProblems(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
}
