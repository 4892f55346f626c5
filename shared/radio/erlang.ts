/**
 * Erlang B (blocked calls cleared, M/M/N/N) and Erlang C (blocked calls wait, M/M/N), by the numerically
 * stable recursion B(A,0) = 1, B(A,k) = A·B(A,k−1) / (k + A·B(A,k−1)). The factorial form overflows past
 * N = 170 and is never used.
 */

function checkTraffic(trafficErlangs: number): void {
  if (!Number.isFinite(trafficErlangs) || trafficErlangs < 0) {
    throw new RangeError(`trafficErlangs must be a finite number ≥ 0 (got ${trafficErlangs})`);
  }
}

function checkChannels(channels: number): void {
  if (!Number.isSafeInteger(channels) || channels < 0) {
    throw new RangeError(`channels must be an integer ≥ 0 (got ${channels})`);
  }
}

function checkBlocking(blocking: number): void {
  if (!Number.isFinite(blocking) || blocking <= 0 || blocking > 1) {
    throw new RangeError(`blocking must be in (0, 1] (got ${blocking})`);
  }
}

/**
 * Erlang B blocking probability (0–1) of `channels` trunks offered `trafficErlangs` (E), by the stable
 * recursion. Why: sizing voice/signalling channels of a site. Throws RangeError on negative, non-finite or
 * non-integer inputs.
 */
export function erlangB({ trafficErlangs, channels }: { trafficErlangs: number; channels: number }): number {
  checkTraffic(trafficErlangs);
  checkChannels(channels);
  let b = 1;
  for (let k = 1; k <= channels; k++) b = (trafficErlangs * b) / (k + trafficErlangs * b);
  return b;
}

/**
 * Smallest number of channels N with Erlang B(A, N) ≤ `blocking` (0–1] for `trafficErlangs` (E): the
 * inverse used to dimension trunks. Runs the recursion upward and stops at the first N that meets the target.
 */
export function erlangBChannels({
  trafficErlangs,
  blocking,
}: {
  trafficErlangs: number;
  blocking: number;
}): number {
  checkTraffic(trafficErlangs);
  checkBlocking(blocking);
  let b = 1;
  let n = 0;
  // B falls to 0 as N grows for any finite A, so the loop ends; N stays close to A + a few √A.
  while (b > blocking) {
    n += 1;
    b = (trafficErlangs * b) / (n + trafficErlangs * b);
  }
  return n;
}

/**
 * Offered traffic (E) that `channels` trunks carry at `blocking` (0–1), i.e. A with B(A, N) = blocking:
 * the "erlangs at 2 %" column of a table. Bisection on A (B is increasing in A), to 1e-9 E.
 */
export function erlangBTraffic({ channels, blocking }: { channels: number; blocking: number }): number {
  checkChannels(channels);
  if (!Number.isFinite(blocking) || blocking <= 0 || blocking >= 1) {
    throw new RangeError(`blocking must be in (0, 1) (got ${blocking})`);
  }
  if (channels === 0) return 0; // B(A, 0) = 1 for every A: no traffic meets a target below 1
  let lo = 0;
  let hi = Math.max(1, channels);
  while (erlangB({ trafficErlangs: hi, channels }) < blocking) hi *= 2;
  while (hi - lo > 1e-9 * Math.max(1, hi)) {
    const mid = (lo + hi) / 2;
    if (erlangB({ trafficErlangs: mid, channels }) < blocking) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Erlang C probability (0–1) that a call has to wait, `channels` servers offered `trafficErlangs` (E):
 * C = N·B / (N − A(1 − B)) for A < N, else 1 (the queue grows without bound). Why: queued services
 * (e.g. scheduling with delay) rather than blocked calls.
 */
export function erlangC({ trafficErlangs, channels }: { trafficErlangs: number; channels: number }): number {
  checkTraffic(trafficErlangs);
  checkChannels(channels);
  if (trafficErlangs >= channels) return 1;
  const b = erlangB({ trafficErlangs, channels });
  return (channels * b) / (channels - trafficErlangs * (1 - b));
}
