/**
 * Where the basemap style comes from: the embedded offline basemap by default; an online MapLibre
 * style URL when configured by `?style=<url>`, by this setting (kept in localStorage), by the server
 * (MAP_STYLE, handed over as <meta name="map-style">) or at build time (VITE_MAP_STYLE). An online style is
 * never required. The server's Content Security Policy lets the map reach https hosts only when MAP_STYLE
 * is set.
 */
const STORAGE_KEY = 'arbaeen-planner.mapStyle';

export function configuredStyleUrl(): string | undefined {
  const fromQuery = new URLSearchParams(location.search).get('style');
  if (fromQuery) return fromQuery;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored) return stored;
  } catch {
    // storage disabled: ignore
  }
  const fromServer = document.querySelector<HTMLMetaElement>('meta[name="map-style"]')?.content;
  if (fromServer) return fromServer;
  const fromBuild = (import.meta.env as Record<string, string | undefined>).VITE_MAP_STYLE;
  return fromBuild || undefined;
}

/** Stores (or clears, with an empty string) the online style URL; applied on the next load. */
export function storeStyleUrl(url: string): void {
  try {
    if (url.trim()) localStorage.setItem(STORAGE_KEY, url.trim());
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: ignore
  }
}
