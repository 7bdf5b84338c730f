// Sign-in with the platform's own OpenID Connect provider: authorization code with PKCE (RFC 7636) as the public
// client "portal". The access token lives in sessionStorage (this tab only, gone with it); a public client gets no
// refresh token, so an expired token means another trip through /oauth2/authorize, which the provider's own session
// answers without asking again.

const CLIENT_ID = 'portal';
const TOKEN = 'gw.portal.token';
const PENDING = 'gw.portal.pending';

function redirectUri() {
  return `${location.origin}/`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function signIn() {
  const verifier = randomText();
  const state = randomText();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: CLIENT_ID, redirect_uri: redirectUri(), scope: 'openid read', state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`/oauth2/authorize?${query}`);
}

/** On the way back from the provider: exchanges the code for a token. False when this load is not such a return. */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `/${pending?.returnTo || ''}`);
  if (query.has('error')) throw new Error(query.get('error_description') || query.get('error'));
  if (!pending || pending.state !== query.get('state')) throw new Error('state mismatch: the sign-in was not started here');
  const response = await fetch('/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(), client_id: CLIENT_ID,
      code_verifier: pending.verifier,
    }),
  });
  const tokens = await response.json();
  if (!response.ok) throw new Error(tokens.error_description || tokens.error);
  sessionStorage.setItem(TOKEN, JSON.stringify({ value: tokens.access_token, expiresAt: Date.now() + tokens.expires_in * 1000 }));
  return true;
}

/** The current access token, or null when there is none or it has expired. */
export function accessToken() {
  const token = JSON.parse(sessionStorage.getItem(TOKEN) || 'null');
  return token && token.expiresAt > Date.now() + 5000 ? token.value : null;
}

/** Whether this tab was signed in and its token has since expired: then it must sign in again, not go on as the public. */
export function signInLapsed() {
  return sessionStorage.getItem(TOKEN) !== null && accessToken() === null;
}

/** The token's claims, unverified: the server checks the token on every request; the portal only reads the roles. */
export function claims() {
  const token = accessToken();
  if (!token) return null;
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
}
