/** Writes data/scenario.schema.json from the zod schemas (run: npm run schema). */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../shared';

const out = new URL('../data/scenario.schema.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
