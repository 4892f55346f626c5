/** Which coordinate a text should hold. */
export type Axis = 'lon' | 'lat';

const HEMISPHERE: Record<string, { axis: Axis; sign: 1 | -1 }> = {
  N: { axis: 'lat', sign: 1 },
  S: { axis: 'lat', sign: -1 },
  E: { axis: 'lon', sign: 1 },
  W: { axis: 'lon', sign: -1 },
};

/**
 * Reads one coordinate in decimal degrees (`32.6160`, `-0.5`, `32,6160`) or degrees-minutes-seconds
 * (`32°36'57.7"N`, `N 32 36 57.7`, `44°01.5'E`, with ′ ″ º or spaces as separators). A hemisphere letter
 * must fit the axis (N/S for latitude, E/W for longitude). Returns the value in decimal degrees or an error.
 */
export function parseCoordinate(
  text: string,
  axis: Axis,
): { ok: true; value: number } | { ok: false; message: string } {
  const raw = text.trim();
  if (raw === '') return { ok: false, message: 'empty' };
  let body = raw.toUpperCase();
  let sign = 1;
  const hemi = /^([NSEW])\s*|\s*([NSEW])$/.exec(body);
  if (hemi) {
    const letter = (hemi[1] ?? hemi[2]) as string;
    const h = HEMISPHERE[letter];
    if (h.axis !== axis)
      return {
        ok: false,
        message: `"${raw}": ${letter} is not a ${axis === 'lat' ? 'latitude' : 'longitude'} hemisphere`,
      };
    sign = h.sign;
    body = body.replace(/^[NSEW]\s*|\s*[NSEW]$/, '');
  }
  // Decimal degrees; a single comma counts as a decimal separator when there is no dot.
  if (/^[+-]?\d+(\.\d+)?$/.test(body) || /^[+-]?\d+,\d+$/.test(body)) {
    const v = Number(body.replace(',', '.'));
    if (hemi && v < 0) return { ok: false, message: `"${raw}": a negative value with a hemisphere letter` };
    return check(sign * v, axis, raw);
  }
  const parts = body
    .replace(/[°º˚]/g, ' ')
    .replace(/[′'’]/g, ' ')
    .replace(/[″"”]|''/g, ' ')
    .trim()
    .split(/[\s:]+/)
    .filter((p) => p !== '');
  if (parts.length < 1 || parts.length > 3 || !parts.every((p) => /^[+-]?\d+(\.\d+)?$/.test(p))) {
    return { ok: false, message: `"${raw}" is not a coordinate (decimal degrees or 32°36'57.7"N)` };
  }
  const [d, m = '0', s = '0'] = parts;
  const deg = Number(d);
  const min = Number(m);
  const sec = Number(s);
  if (min < 0 || min >= 60 || sec < 0 || sec >= 60 || (parts.length === 3 && !Number.isInteger(min))) {
    return { ok: false, message: `"${raw}": minutes and seconds must be below 60` };
  }
  const negative = deg < 0 || d.startsWith('-');
  const value = Math.abs(deg) + min / 60 + sec / 3600;
  return check(sign * (negative ? -value : value), axis, raw);
}

function check(
  value: number,
  axis: Axis,
  raw: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const limit = axis === 'lat' ? 90 : 180;
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    return { ok: false, message: `"${raw}" is outside ±${limit}°` };
  }
  return { ok: true, value: Math.round(value * 1e7) / 1e7 };
}
