import type { CoordinateProblemCode } from '../../shared/api';

/** Which coordinate a text should hold. */
export type Axis = 'lon' | 'lat';

/** Why a text is not a coordinate: a code and its values (the app words it), and the English sentence. */
export interface CoordinateProblem {
  ok: false;
  code: CoordinateProblemCode;
  params: Record<string, string | number>;
  message: string;
}

function problem(code: CoordinateProblemCode, message: string, params: Record<string, string | number>) {
  return { ok: false, code, params, message } satisfies CoordinateProblem;
}

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
export function parseCoordinate(text: string, axis: Axis): { ok: true; value: number } | CoordinateProblem {
  const raw = text.trim();
  if (raw === '') return problem('empty', 'empty', {});
  let body = raw.toUpperCase();
  // No digit at all ("NaN", "n/a", "E"): not a coordinate, whatever letters it starts with.
  if (!/\d/.test(body)) return notCoordinate(raw);
  let sign = 1;
  const hemi = /^([NSEW])\s*|\s*([NSEW])$/.exec(body);
  if (hemi) {
    const letter = (hemi[1] ?? hemi[2]) as string;
    const h = HEMISPHERE[letter];
    if (h.axis !== axis)
      return problem(
        'wrongHemisphere',
        `"${raw}": ${letter} is not a ${axis === 'lat' ? 'latitude' : 'longitude'} hemisphere`,
        { raw, letter },
      );
    sign = h.sign;
    body = body.replace(/^[NSEW]\s*|\s*[NSEW]$/, '');
  }
  // Decimal degrees; a single comma counts as a decimal separator when there is no dot.
  if (/^[+-]?\d+(\.\d+)?$/.test(body) || /^[+-]?\d+,\d+$/.test(body)) {
    const v = Number(body.replace(',', '.'));
    if (hemi && v < 0)
      return problem('negativeWithHemisphere', `"${raw}": a negative value with a hemisphere letter`, {
        raw,
      });
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
    return notCoordinate(raw);
  }
  const [d, m = '0', s = '0'] = parts;
  const deg = Number(d);
  const min = Number(m);
  const sec = Number(s);
  if (min < 0 || min >= 60 || sec < 0 || sec >= 60 || (parts.length === 3 && !Number.isInteger(min))) {
    return problem('minutesSeconds', `"${raw}": minutes and seconds must be below 60`, { raw });
  }
  const negative = deg < 0 || d.startsWith('-');
  const value = Math.abs(deg) + min / 60 + sec / 3600;
  return check(sign * (negative ? -value : value), axis, raw);
}

function notCoordinate(raw: string): CoordinateProblem {
  return problem('notCoordinate', `"${raw}" is not a coordinate (decimal degrees or 32°36'57.7"N)`, { raw });
}

function check(value: number, axis: Axis, raw: string): { ok: true; value: number } | CoordinateProblem {
  const limit = axis === 'lat' ? 90 : 180;
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    return problem('outsideRange', `"${raw}" is outside ±${limit}°`, { raw, limit });
  }
  return { ok: true, value: Math.round(value * 1e7) / 1e7 };
}
