/**
 * `npm run bench`: (a) the default scenario end to end — time per stage and peak memory; (b) the
 * optimiser against the LP bound and plain greedy on generated instances of growing size — cost and time
 * ratios side by side; (c) time growth of the exact route DP with route length × number of steps.
 * Prints markdown tables. Not a test: numbers depend on the machine; read the ratios.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseScenario } from '../../shared';
import { runPlan } from '../../shared/plan/run-plan';
import { boundOnThread } from '../../server/jobs/bound-thread';
import { solvePlacement, type PlacementInstance, type PlacementOptions } from '../../shared/placement';
import { positions, syntheticInstance, type SyntheticCandidate } from '../placement/instances';

const TIME_LIMIT_S = Number(process.env.BENCH_TIME_LIMIT_S ?? 20);

function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

const fmt = (x: number, digits = 0) =>
  Number.isFinite(x)
    ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';
const usdM = (x: number) => (Number.isFinite(x) ? `${(x / 1e6).toFixed(3)} M` : '–');
const pct = (share: number, digits = 2) => `${(share * 100).toFixed(digits)} %`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** (a) The default scenario end to end. */
async function defaultScenario(): Promise<void> {
  const file = 'data/scenarios/arbaeen-2025.json';
  console.log('## (a) Default scenario end to end\n');
  if (!existsSync(file)) {
    console.log(`skipped: ${file} is absent\n`);
    return;
  }
  const parsed = parseScenario(readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    console.log(
      `skipped: ${file} does not parse (${parsed.errors[0]?.path}: ${parsed.errors[0]?.message})\n`,
    );
    return;
  }
  let peakRss = process.memoryUsage().rss;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  const plan = await runPlan(parsed.value, {
    onProgress: sample,
    placement: { timeLimitSeconds: TIME_LIMIT_S, boundRunner: boundOnThread },
  });
  const total = performance.now() - t0;
  clearInterval(timer);
  sample();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const k = plan.kpis;
  const stages = k.stageMs ?? {};
  console.log(
    table(
      ['stage', 'ms'],
      [...Object.entries(stages).map(([s, ms]) => [s, fmt(ms)]), ['**total**', `**${fmt(total)}**`]],
    ),
  );
  console.log();
  console.log(
    table(
      ['figure', 'value'],
      [
        ['scenario', plan.scenarioName],
        ['steps × routes', `${plan.grid.stepCount} × ${plan.crowd.routes.length}`],
        [
          'new sites',
          `${k.newSites} (${Object.entries(k.newSitesByType)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')})`,
        ],
        ['capex', usdM(k.capexUsd)],
        ['lower bound', usdM(k.lowerBoundUsd)],
        ['gap', pct(k.gap)],
        ['served share', pct(k.servedShare, 3)],
        ['method', k.method],
        ['peak RSS (sampled / OS max)', `${mb(peakRss)} / ${mb(maxRss)}`],
        ['target', '< 2,000 ms total, gap ≤ 1 %'],
      ],
    ),
  );
  console.log();
  // The baseline in the same run: the same pipeline with the plain greedy placement (no LP bound).
  const g0 = performance.now();
  const greedy = (await runPlan(parsed.value, { placement: { method: 'greedy', lpBound: false } })).kpis;
  const greedyMs = performance.now() - g0;
  console.log(
    table(
      ['same run', 'optimiser', 'greedy', 'ratio'],
      [
        [
          'capex',
          usdM(k.capexUsd),
          usdM(greedy.capexUsd),
          `${(greedy.capexUsd / k.capexUsd).toFixed(3)} (greedy / optimiser)`,
        ],
        ['new sites', String(k.newSites), String(greedy.newSites), ''],
        ['served share', pct(k.servedShare), pct(greedy.servedShare), ''],
        ['total ms', fmt(total), fmt(greedyMs), `${(total / greedyMs).toFixed(1)} (optimiser / greedy)`],
      ],
    ),
  );
  console.log();
}

/** A moving crowd along a route: a Gaussian bump travelling at `speedKmh`, on a low base load. */
function routeInstance(
  lengthKm: number,
  steps: number,
  types: Omit<SyntheticCandidate, 'x'>[],
  peakMbps: number,
): PlacementInstance {
  const units = positions(0.25, lengthKm - 0.25, 0.5).map((x) => ({ x }));
  const demand: number[][] = [];
  for (let t = 0; t < steps; t++) {
    const centre = ((t * 4) % (lengthKm + 40)) - 20;
    const hour = t % 24;
    const diurnal = 0.4 + 0.6 * Math.sin((Math.PI * hour) / 24) ** 2;
    demand.push(units.map((u) => diurnal * (1 + peakMbps * Math.exp(-(((u.x - centre) / 8) ** 2)))));
  }
  const candidates = types.flatMap((t) => positions(0, lengthKm, 1).map((x) => ({ x, ...t })));
  return syntheticInstance({ units, demand, candidates });
}

/** A square hotspot: demand cells on a 100 m grid, candidates on a grid of two site types. */
function hotspotInstance(candidateCount: number, sideKm = 2): PlacementInstance {
  const cells: { x: number; y: number }[] = [];
  for (let y = 0.05; y < sideKm; y += 0.1) for (let x = 0.05; x < sideKm; x += 0.1) cells.push({ x, y });
  const perType = Math.max(1, Math.round(candidateCount / 2));
  const side = Math.max(1, Math.round(Math.sqrt(perType)));
  const pitch = sideKm / side;
  const spots: { x: number; y: number }[] = [];
  for (let a = 0; a < side; a++)
    for (let b = 0; b < side; b++) spots.push({ x: (a + 0.5) * pitch, y: (b + 0.5) * pitch });
  const candidates = [
    ...spots.map((p) => ({ ...p, rangeKm: 0.2, usableDlMbps: 259, costUsd: 25_000, typeIndex: 0 })),
    ...spots.map((p) => ({ ...p, rangeKm: 1.0, usableDlMbps: 922, costUsd: 180_000, typeIndex: 1 })),
  ];
  // Three steps: the crowd fills the square unevenly and moves.
  const demand = [0, 1, 2].map((t) =>
    cells.map((c) => 8 + 40 * Math.exp(-(((c.x - 0.6 - 0.4 * t) ** 2 + (c.y - 1) ** 2) / 0.3))),
  );
  return syntheticInstance({ units: cells, demand, candidates, line: false });
}

interface Run {
  capex: number;
  lp: number;
  bound: number;
  ms: number;
  method: string;
  served: number;
}

async function run(inst: PlacementInstance, options: PlacementOptions): Promise<Run> {
  const t0 = performance.now();
  const sol = await solvePlacement(inst, {
    timeLimitSeconds: TIME_LIMIT_S,
    boundRunner: boundOnThread,
    ...options,
  });
  return {
    capex: sol.capexUsd,
    lp: sol.lpRelaxationUsd,
    bound: sol.lowerBoundUsd,
    ms: performance.now() - t0,
    method: sol.method,
    served: sol.demandMbpsHours > 0 ? sol.servedMbpsHours / sol.demandMbpsHours : 1,
  };
}

/** (b) Optimiser vs LP bound vs greedy. */
async function versusGreedy(): Promise<void> {
  console.log('## (b) Optimiser vs LP bound vs greedy\n');
  const cow = { rangeKm: 7.7, usableDlMbps: 96.6, costUsd: 60_000, typeIndex: 0 };
  const macro = { rangeKm: 2.06, usableDlMbps: 922, costUsd: 180_000, typeIndex: 1 };
  const cases: { name: string; make: () => PlacementInstance }[] = [];
  const routeKm = (process.env.BENCH_ROUTES ?? '100,250,500,1000').split(',').map(Number);
  for (const km of routeKm) {
    cases.push({ name: `route ${km} km, 1 type, 48 h`, make: () => routeInstance(km, 48, [cow], 150) });
  }
  for (const km of [100, 250]) {
    cases.push({
      name: `route ${km} km, 2 types, 48 h`,
      make: () => routeInstance(km, 48, [cow, macro], 300),
    });
  }
  const hotspotSizes = (process.env.BENCH_HOTSPOTS ?? '100,500,1000,2500,5000').split(',').map(Number);
  for (const n of hotspotSizes)
    cases.push({ name: `hotspot, ${n} candidates`, make: () => hotspotInstance(n) });
  // Caps that bind: the most Mbps·h within them, then the least capex (capped.ts).
  cases.push({
    name: 'route 100 km, 2 types, 48 h, ≤ 12 new sites',
    make: () => ({ ...routeInstance(100, 48, [cow, macro], 300), maxNewSites: 12 }),
  });
  cases.push({
    name: 'hotspot, 500 candidates, budget US$ 0.6 M',
    make: () => ({ ...hotspotInstance(500), budgetUsd: 600_000 }),
  });
  const rows: (string | number)[][] = [];
  for (const c of cases) {
    const inst = c.make();
    const opt = await run(inst, { lpBound: true });
    const greedy = await run(inst, { method: 'greedy', lpBound: false });
    rows.push([
      c.name,
      fmt(inst.unitCount),
      fmt(inst.candidateCount),
      opt.method,
      usdM(opt.capex),
      usdM(opt.bound),
      usdM(opt.lp),
      usdM(greedy.capex),
      opt.bound > 0 ? (opt.capex / opt.bound).toFixed(4) : '–',
      opt.capex > 0 ? (greedy.capex / opt.capex).toFixed(3) : '–',
      fmt(opt.ms),
      fmt(greedy.ms),
      greedy.ms > 0 ? (opt.ms / greedy.ms).toFixed(1) : '–',
      pct(greedy.served),
      pct(opt.served),
    ]);
    console.error(`  done: ${c.name}`);
  }
  console.log(
    table(
      [
        'instance',
        'units',
        'candidates',
        'method',
        'optimiser capex',
        'proven bound',
        'LP relaxation',
        'greedy capex',
        'optimiser / bound',
        'greedy / optimiser',
        'optimiser ms',
        'greedy ms',
        'time ratio',
        'greedy served',
        'optimiser served',
      ],
      rows,
    ),
  );
  console.log();
}

/** (c) Time growth of the exact route DP with route length × steps. */
async function growth(): Promise<void> {
  console.log('## (c) Route DP time by route length × steps (ms; single type, capacity-bound wave)\n');
  const cow = { rangeKm: 7.7, usableDlMbps: 96.6, costUsd: 60_000 };
  const lengths = [100, 250, 500, 1000];
  const stepsList = [24, 168, 504];
  const rows: (string | number)[][] = [];
  for (const km of lengths) {
    const row: (string | number)[] = [`${km} km`];
    for (const steps of stepsList) {
      const inst = routeInstance(km, steps, [cow], 150);
      const r = await run(inst, { lpBound: false });
      row.push(`${fmt(r.ms)} (${r.method})`);
    }
    rows.push(row);
    console.error(`  done: ${km} km`);
  }
  console.log(table(['route', ...stepsList.map((s) => `${s} steps`)], rows));
  console.log();
}

const only = process.env.BENCH_ONLY ?? 'abc';
if (only.includes('a')) await defaultScenario();
if (only.includes('b')) await versusGreedy();
if (only.includes('c')) await growth();
