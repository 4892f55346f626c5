/**
 * Planning CLI: `npm run plan -- <scenario.json> --out <dir> [--occupancy] [--crowd-only]`.
 * Reads and validates a scenario (field-path errors on stderr, exit 1, nothing written), runs the
 * pipeline and writes summary.json, sites.csv, plan.geojson and plan.kml (and occupancy.csv on request)
 * into <dir>.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  estimateDemand,
  formatNote,
  parseScenario,
  planGeoJson,
  planKml,
  runPlan,
  simulateCrowd,
  sitesCsv,
  summarizeDemand,
  type PlanKpis,
} from '../../shared';
import { writeOccupancyCsv } from './occupancy-csv';
import { createProgress } from './progress';
import { boundOnThread } from '../jobs/bound-thread';

const USAGE = 'usage: npm run plan -- <scenario.json> --out <dir> [--occupancy] [--crowd-only]';

/** The `plan` object of summary.json: the KPIs a planner reads first, then the rest of them. */
function planSummary(kpis: PlanKpis, sites: number, unservedStretches: number) {
  const { newSites, newSitesByType, capexUsd, lowerBoundUsd, gap, unservedMbpsHours, computeMs, ...rest } =
    kpis;
  return {
    newSites: newSitesByType,
    newSitesTotal: newSites,
    capexUsd,
    lowerBoundUsd,
    gap,
    unservedMbpsHours,
    computeMs,
    sites,
    unservedStretches,
    ...rest,
  };
}

/** JSON replacer: numbers to at most 4 decimals, enough for persons, km, Mbps and TB. */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(4)) : value;
}

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        occupancy: { type: 'boolean' },
        'crowd-only': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [file] = args.positionals;
  const outDir = args.values.out;
  if (!file || !outDir || args.positionals.length > 1) fail(USAGE, 2);

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  ${e.path || '(document)'}: ${e.message}`);
    fail(`${file}: ${parsed.errors.length} error(s)\n${lines.join('\n')}`);
  }
  const scenario = parsed.value;
  const progress = createProgress();
  const started = performance.now();
  const withPlan = !args.values['crowd-only'];
  let crowd;
  let demand;
  let plan = null;
  if (withPlan) {
    plan = await runPlan(scenario, {
      onProgress: (stage, f) => progress.update(stage, 0.9 * f),
      placement: { boundRunner: boundOnThread },
    });
    crowd = plan.crowd;
    demand = plan.demand;
  } else {
    progress.update('crowd flow', 0.05);
    crowd = simulateCrowd(scenario);
    progress.update('demand', 0.5);
    demand = estimateDemand(scenario, crowd);
  }
  const summary = {
    ...summarizeDemand(scenario, crowd, demand),
    ...(plan ? { plan: planSummary(plan.kpis, plan.sites.length, plan.unserved.length) } : {}),
    ...(plan ? { unserved: plan.unserved, warnings: plan.notes.map((n) => formatNote(n)) } : {}),
    computeMs: Math.round(performance.now() - started),
  };

  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string) => {
    writeFileSync(join(outDir, name), text);
    written.push(name);
  };
  write('summary.json', `${JSON.stringify(summary, roundNumbers, 2)}\n`);
  if (plan) {
    write('sites.csv', sitesCsv(plan, scenario));
    write('plan.geojson', `${JSON.stringify(planGeoJson(plan, scenario))}\n`);
    write('plan.kml', planKml(plan, scenario));
  }
  if (args.values.occupancy) {
    await writeOccupancyCsv(join(outDir, 'occupancy.csv'), crowd, demand, (f) =>
      progress.update('occupancy.csv', 0.9 + 0.1 * f),
    );
    written.push('occupancy.csv');
  }
  progress.done();
  process.stderr.write(`wrote ${written.join(', ')} to ${outDir}\n`);
}

main().catch((e: unknown) => fail(`plan failed: ${(e as Error).message}`));
