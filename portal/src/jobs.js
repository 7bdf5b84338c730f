// A long analysis run (remediation options, source tracing): asked for with Prefer: respond-async (RFC 7240), its
// progress followed over server-sent events, cancellable from the page.
import { api, authorizedFetch, ApiError, clearProblems, showProblem } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { follow } from './live.js';

/**
 * The run, cancel, progress and stage controls of one form's analysis runs (ids prefix-run, prefix-cancel, …), and
 * start(path, body, onSucceeded) to run one. The run's state (SUCCEEDED, FAILED, CANCELLED) and its progress go on
 * host as data-state and data-fraction; a failed run's reason, in the reader's language, is shown beside the form.
 */
export function analysisRun(prefix, runLabel, host) {
  const run = el('button', { type: 'submit', id: `${prefix}-run`, class: 'tool' }, runLabel);
  const cancel = el('button', { type: 'button', id: `${prefix}-cancel`, class: 'tool', hidden: true }, t('job.cancel'));
  const progress = el('progress', { id: `${prefix}-progress`, max: 1, value: 0, hidden: true });
  const stage = el('span', { id: `${prefix}-stage`, class: 'stage' });
  let stop = null;
  let job = null;
  const ended = () => {
    stop = null;
    run.disabled = false;
    cancel.hidden = true;
  };
  cancel.addEventListener('click', () => {
    if (job) api(`/api/v1/analytics/jobs/${job}`, { method: 'DELETE' }).catch((error) => showProblem(run.form, error, cancel));
  });

  /** Starts the run; a request the server refuses at once throws its problem (ApiError), for the form to show. */
  async function start(path, body, onSucceeded) {
    const response = await authorizedFetch(path, { method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Prefer: 'respond-async' }, body: JSON.stringify(body) });
    const answer = await response.json();
    if (!response.ok) throw new ApiError(response.status, answer);
    clearProblems(run.form);
    job = answer.id;
    host.removeAttribute('data-state');
    run.disabled = true;
    cancel.hidden = false;
    progress.hidden = false;
    progress.value = 0;
    stage.textContent = '';
    stop?.();
    stop = follow(`/api/v1/analytics/jobs/${job}/events`, { onError: (error) => {
      ended();
      showProblem(run.form, error, run);
    }, onEvent: (name, status) => {
      progress.value = status.fraction;
      stage.textContent = status.stage ?? '';
      host.setAttribute('data-fraction', String(status.fraction));
      if (name === 'progress') return;
      stop();
      ended();
      stage.textContent = name === 'succeeded' ? '' : t(`job.state.${status.state}`);
      host.setAttribute('data-state', status.state);
      if (name === 'succeeded') onSucceeded(status.result);
      // A run the server refused once it had started: its reason beside the field it names, as a refused request's.
      else if (status.error) showProblem(run.form, new ApiError(422, { detail: status.error, field: status.field }), run);
    } });
  }

  return { controls: [run, cancel, progress, stage], start, stop: () => stop?.() };
}
