// Server-sent events with the Bearer token (EventSource cannot send one), read from a fetch body. A lost connection
// shows the banner and is retried with back-off; when it is back, onResume lets the view reload what it missed.
import { ApiError, authorizedFetch } from './api.js';
import { signIn } from './auth.js';
import { t } from './i18n.js';

function banner(text) {
  const element = document.getElementById('banner');
  element.textContent = text ?? '';
  element.hidden = !text;
}

/**
 * Follows an event stream until stop() is called: onEvent(name, data) for each event, onOpen at each (re)connection;
 * onError(ApiError) once if the server refuses it for good (a stream that no longer exists, or is not the person's).
 */
export function follow(path, { onEvent, onResume, onOpen, onError }) {
  let control;
  let stopped = false;
  let delay = 1000;

  async function connect(resumed) {
    control = new AbortController();
    try {
      const response = await authorizedFetch(path, { headers: { Accept: 'text/event-stream' }, signal: control.signal });
      // Refused, not lost: retrying would never end; sign in again (a lapsed token is caught before the request).
      if (response.status === 401) {
        stopped = true;
        await signIn();
        return;
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        stopped = true;
        banner(null);
        onError?.(new ApiError(response.status, await response.json().catch(() => ({}))));
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      banner(null);
      delay = 1000;
      onOpen?.();
      if (resumed) onResume?.();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
      throw new Error('stream ended');
    } catch (error) {
      if (stopped) return;
      banner(t('banner.disconnected'));
      setTimeout(() => connect(true), delay);
      delay = Math.min(delay * 2, 10000);
    }
  }

  function dispatch(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) onEvent(name, JSON.parse(data.join('\n')));
  }

  // A browser that knows it lost the network says so at once, while a half-open stream could stay silent for long.
  const dropped = () => control.abort();
  window.addEventListener('offline', dropped);
  connect(false);
  return () => {
    stopped = true;
    window.removeEventListener('offline', dropped);
    control.abort();
    banner(null);
  };
}
