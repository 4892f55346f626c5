import { promisify } from 'node:util';
import { constants, gunzip, gzipSync } from 'node:zlib';
import type { PlanResult } from '../../shared';
import type { RouteServiceDetail } from '../../shared/export';

const gunzipAsync = promisify(gunzip);

interface Header {
  routes: {
    routeId: string;
    segmentCount: number;
    stepCount: number;
    served: number;
    unserved: number;
    covering: number;
  }[];
}

/**
 * Packs a plan's per segment-step service arrays for storage: a JSON header, then Float32 served and
 * unserved DL Mbps and Int32 covering-site indices per route, gzipped (level 1: fast, and the arrays are
 * mostly zeros). Float32 keeps ~7 significant digits, plenty for Mbps. Runs in the plan worker.
 */
export function encodeService(plan: PlanResult): Uint8Array {
  const header: Header = {
    routes: plan.service.map((s) => ({
      routeId: s.routeId,
      segmentCount:
        plan.crowd.routes.find((r) => r.routeId === s.routeId)?.segments.count ?? s.coveringSite.length,
      stepCount: plan.grid.stepCount,
      served: s.servedDlMbps.length,
      unserved: s.unservedDlMbps.length,
      covering: s.coveringSite.length,
    })),
  };
  let headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((4 + headerBytes.length) % 4)) % 4;
  headerBytes = Buffer.concat([headerBytes, Buffer.alloc(pad, 0x20)]);
  const parts: Buffer[] = [Buffer.alloc(4), headerBytes];
  parts[0].writeUInt32LE(headerBytes.length, 0);
  for (const s of plan.service) {
    parts.push(Buffer.from(Float32Array.from(s.servedDlMbps).buffer));
    parts.push(Buffer.from(Float32Array.from(s.unservedDlMbps).buffer));
    parts.push(Buffer.from(Int32Array.from(s.coveringSite).buffer));
  }
  const packed = gzipSync(Buffer.concat(parts), { level: constants.Z_BEST_SPEED });
  return new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength);
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Unpacks what `encodeService` stored, as plain number arrays for JSON. */
export async function decodeService(blob: Uint8Array): Promise<RouteServiceDetail[]> {
  const raw = await gunzipAsync(blob);
  const bytes = new Uint8Array(raw.byteLength);
  bytes.set(raw);
  const view = new DataView(bytes.buffer);
  const headerLength = view.getUint32(0, true);
  const header = JSON.parse(Buffer.from(bytes.buffer, 4, headerLength).toString('utf8')) as Header;
  let offset = 4 + headerLength;
  const take = <T extends Float32Array | Int32Array>(
    Ctor: new (b: ArrayBuffer, o: number, n: number) => T,
    n: number,
  ): T => {
    const array = new Ctor(bytes.buffer, offset, n);
    offset += n * 4;
    return array;
  };
  return header.routes.map((r) => {
    const served = take(Float32Array, r.served);
    const unserved = take(Float32Array, r.unserved);
    const covering = take(Int32Array, r.covering);
    return {
      routeId: r.routeId,
      segmentCount: r.segmentCount,
      stepCount: r.stepCount,
      servedDlMbps: Array.from(served, round3),
      unservedDlMbps: Array.from(unserved, round3),
      coveringSite: Array.from(covering),
    };
  });
}
