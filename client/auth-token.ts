/**
 * The API token for servers started with API_TOKEN / READ_TOKEN: given once as `?token=…` in the app's
 * address, then remembered in this browser (localStorage) and removed from the address bar.
 */
const STORAGE_KEY = 'arbaeen-planner.apiToken';

function readToken(): string | null {
  const params = new URLSearchParams(location.search);
  const fromQuery = params.get('token');
  try {
    if (fromQuery !== null) {
      if (fromQuery) localStorage.setItem(STORAGE_KEY, fromQuery);
      else localStorage.removeItem(STORAGE_KEY);
      params.delete('token');
      const query = params.toString();
      history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return fromQuery || null;
  }
}

const token = typeof location === 'undefined' ? null : readToken();

/** `Authorization` header for API requests (empty when no token is set). */
export function authHeaders(): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** A GET URL carrying the token as `access_token` (EventSource and plain links cannot send headers). */
export function withAccessToken(url: string): string {
  if (!token) return url;
  return `${url}${url.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`;
}
