import { z } from 'zod';
import { scenarioSchema } from '../scenario/scenario';
import { apiErrorSchema } from './errors';
import { api, type EndpointSpec } from './contract';
import * as s from './schemas';

type Json = Record<string, unknown>;

/** Schemas shown once under components/schemas and referenced elsewhere. */
function registries() {
  const output = z.registry<{ id: string }>();
  output.add(scenarioSchema, { id: 'Scenario' });
  output.add(apiErrorSchema, { id: 'Error' });
  output.add(s.planKpisSchema, { id: 'PlanKpis' });
  output.add(s.plannedSiteSchema, { id: 'PlannedSite' });
  output.add(s.unservedStretchSchema, { id: 'UnservedStretch' });
  output.add(s.routeProfileSchema, { id: 'RouteProfile' });
  output.add(s.planJobSchema, { id: 'PlanJob' });
  output.add(s.scenarioSummarySchema, { id: 'ScenarioSummary' });
  output.add(s.revisionSummarySchema, { id: 'RevisionSummary' });
  output.add(s.routeCandidateSchema, { id: 'RouteCandidate' });
  const input = z.registry<{ id: string }>();
  input.add(scenarioSchema, { id: 'ScenarioInput' });
  return { input, output };
}

/** Converts one zod schema, hoisting named schemas into `components`. */
function converter(components: Json) {
  const { input, output } = registries();
  return (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const json = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      metadata: io === 'input' ? input : output,
    }) as Json;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (node && typeof node === 'object') {
        const out: Json = {};
        for (const [k, v] of Object.entries(node as Json)) {
          out[k] =
            k === '$ref' && typeof v === 'string'
              ? v.replace('#/$defs/', '#/components/schemas/')
              : rewrite(v);
        }
        return out;
      }
      return node;
    };
    for (const [id, def] of Object.entries(defs)) components[id] = rewrite(def);
    // A schema that is itself a named component comes back as its definition plus an `id`: refer to it.
    if (typeof json.id === 'string') {
      const id = json.id;
      delete json.id;
      components[id] = rewrite(json);
      return { $ref: `#/components/schemas/${id}` };
    }
    return rewrite(json) as Json;
  };
}

function objectShape(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  return {};
}

/**
 * The OpenAPI 3.1 document of the API, generated from the same zod schemas the server validates with.
 * Bearer auth is declared for every non-public endpoint (it applies when the server has tokens set).
 */
export function buildOpenApi(
  info: { title: string; version: string; description?: string } = {
    title: 'Arbaeen network capacity planner API',
    version: '1',
  },
  endpoints: readonly EndpointSpec[] = Object.values(api),
): Json {
  const components: Json = {};
  const convert = converter(components);
  const paths: Record<string, Json> = {};
  for (const e of endpoints) {
    const parameters: Json[] = [];
    const add = (where: 'path' | 'query' | 'header', schema: z.ZodType | undefined) => {
      for (const [name, field] of Object.entries(objectShape(schema))) {
        const json = convert(field, 'input');
        const description = typeof json.description === 'string' ? json.description : undefined;
        parameters.push({
          name:
            where === 'header'
              ? name.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase())
              : name,
          in: where,
          required: where === 'path' || !field.safeParse(undefined).success,
          ...(description ? { description } : {}),
          schema: json,
        });
      }
    };
    add('path', e.params);
    add('query', e.query);
    add('header', e.headers);
    const responses: Json = {};
    for (const [status, r] of Object.entries(e.responses)) {
      const contentType = r.contentType ?? 'application/json';
      responses[status] = {
        description: r.description,
        content: { [contentType]: r.schema ? { schema: convert(r.schema, 'output') } : {} },
      };
    }
    const op: Json = {
      operationId: e.operationId,
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      tags: [e.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      responses,
      ...(e.access === 'public' ? { security: [] } : {}),
    };
    if (e.body) {
      const schema = convert(e.body.docSchema ?? e.body.schema, 'input');
      op.requestBody = {
        required: e.body.required,
        content: Object.fromEntries(e.body.contentTypes.map((t) => [t, { schema }])),
      };
    }
    (paths[e.path] ??= {})[e.method] = op;
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    tags: [
      { name: 'health' },
      { name: 'scenarios', description: 'Scenarios with revisions: every save is a new revision' },
      { name: 'plans', description: 'Plan runs in worker threads, progress, stored results' },
      { name: 'exports', description: 'Sites CSV, GeoJSON, KML and a printable report of a stored plan' },
      { name: 'imports', description: 'Routes from GeoJSON/KML/GPX, existing sites from CSV' },
      { name: 'docs' },
    ],
    security: [{ bearerAuth: [] }, { accessToken: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'API_TOKEN (read and write) or READ_TOKEN (read only), when the server sets them',
        },
        accessToken: {
          type: 'apiKey',
          in: 'query',
          name: 'access_token',
          description: 'the same tokens in the query, for GET only (EventSource, download links)',
        },
      },
    },
  };
}
