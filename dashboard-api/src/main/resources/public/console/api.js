// The console's one way to talk to dashboard-api: same-origin requests carrying the session cookie.
import { applyTo, t } from './i18n.js';

/** An answer other than 2xx: its status and the API's "field: reason" errors. */
export class ApiError extends Error {
  constructor(status, errors) {
    super(errors.join('; ') || `HTTP ${status}`);
    this.status = status;
    this.errors = errors;
  }
}

async function send(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await fetch(path, init);
  if (r.status === 204) return null;
  let json = null;
  try {
    json = await r.json();
  } catch {
    json = null;
  }
  if (!r.ok) throw new ApiError(r.status, (json && json.errors) || []);
  return json;
}

/** GET a JSON answer of the API; an expired session sends the user back to sign in. */
export async function getJson(path) {
  try {
    return await send('GET', path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) location.reload();
    throw e;
  }
}

/** Encodes query parameters (a + of an offset as %2B). */
export function query(params) {
  return Object.entries(params)
    .filter(([, v]) => v != null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/** The sign-in form, the same on every page, put first into the page's main. */
function signInForm() {
  const form = document.createElement('form');
  form.className = 'signin';
  form.id = 'signin';
  form.hidden = true;
  form.innerHTML = `<h2 data-i18n="signin.title"></h2>
    <label for="token" data-i18n="signin.token"></label>
    <input id="token" name="token" type="password" autocomplete="off" required>
    <p class="note" data-i18n="signin.help"></p>
    <p role="alert"></p>
    <button type="submit" data-i18n="signin.submit"></button>`;
  document.querySelector('main').prepend(form);
  applyTo(form);
  return form;
}

/**
 * The signed-in session, signing in first when needed: with the token of the URL fragment
 * (#token=…, removed from the address at once), else with the token typed into the form.
 */
export async function session() {
  const form = signInForm();
  const fragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fragment) {
    history.replaceState(null, '', location.pathname + location.search);
    try {
      return await send('POST', '/api/v1/session', { token: fragment });
    } catch (e) {
      return askForToken(form, e.message);
    }
  }
  try {
    return await send('GET', '/api/v1/session');
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    return askForToken(form, null);
  }
}

function askForToken(form, failure) {
  const error = form.querySelector('[role=alert]');
  const input = form.querySelector('input');
  form.hidden = false;
  error.textContent = failure ? t('signin.failed', failure) : '';
  input.focus();
  return new Promise((resolve) => {
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        const s = await send('POST', '/api/v1/session', { token: input.value.trim() });
        input.value = '';
        form.hidden = true;
        resolve(s);
      } catch (e) {
        error.textContent = t('signin.failed', e.message);
        input.focus();
      }
    });
  });
}

/** Shows who is signed in and wires the sign-out button (back to the sign-in form). */
export function header(s, who, signOut) {
  who.textContent = `${s.name} · ${s.role}`;
  signOut.hidden = false;
  signOut.addEventListener('click', async () => {
    try {
      await send('DELETE', '/api/v1/session');
    } finally {
      location.replace(location.pathname);
    }
  });
}
