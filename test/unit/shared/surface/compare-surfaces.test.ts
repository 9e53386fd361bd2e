import { describe, expect, it } from 'vitest';
import type { ServerSurface, SurfaceTool } from '../../../../src-shared/api/schemas/surface';
import { buildSurface, surfaceText } from '../../../../src-shared/surface/build-surface';
import { compareSurfaces, hasBreaking } from '../../../../src-shared/surface/compare-surfaces';
import { compareSchemas } from '../../../../src-shared/surface/schema-compat';

const info = {
  name: 'weather',
  version: '1.0.0',
  protocolVersion: '2025-11-25',
  capabilities: { tools: { listChanged: true }, resources: { subscribe: true }, prompts: {} },
};

function surface(
  over: Partial<Pick<ServerSurface, 'tools' | 'resources' | 'resourceTemplates' | 'prompts' | 'capabilities'>> = {},
): ServerSurface {
  return buildSurface({
    info: { ...info, capabilities: over.capabilities ?? info.capabilities },
    tools: over.tools ?? [forecast()],
    resources: over.resources ?? [{ uri: 'weather://stations', name: 'stations', mimeType: 'application/json' }],
    resourceTemplates: over.resourceTemplates ?? [{ uriTemplate: 'weather://city/{name}', name: 'city' }],
    prompts: over.prompts ?? [{ name: 'brief', arguments: [{ name: 'city', required: true }, { name: 'tone' }] }],
  });
}

function forecast(input: Record<string, unknown> = {}, extra: Partial<SurfaceTool> = {}): SurfaceTool {
  return {
    name: 'forecast',
    description: 'Forecast for a city',
    inputSchema: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        days: { type: 'integer', minimum: 1, maximum: 10 },
        units: { type: 'string', enum: ['metric', 'imperial'] },
        ...input,
      },
      required: ['city'],
    },
    outputSchema: {
      type: 'object',
      properties: { temperature: { type: 'number' }, summary: { type: 'string' } },
      required: ['temperature', 'summary'],
    },
    ...extra,
  };
}

const lines = (before: ServerSurface, after: ServerSurface) =>
  compareSurfaces(before, after).map((c) => `${c.severity} ${c.kind} ${c.name}${c.at ? ` ${c.at}` : ''}: ${c.message}`);

describe('buildSurface', () => {
  it('sorts lists and keys and leaves out run-to-run details, so two listings in another order give the same text', () => {
    const a = buildSurface({
      info,
      tools: [
        { name: 'b', inputSchema: { type: 'object', properties: { y: {}, x: {} } }, _meta: { seen: 1 } },
        { name: 'a', inputSchema: { type: 'object' } },
      ],
      resources: [
        { uri: 'z://1', name: 'z', size: 10 },
        { uri: 'a://1', name: 'a' },
      ],
      resourceTemplates: [],
      prompts: [],
    });
    const b = buildSurface({
      info,
      tools: [
        { name: 'a', inputSchema: { type: 'object' } },
        { name: 'b', inputSchema: { properties: { x: {}, y: {} }, type: 'object' } },
      ],
      resources: [
        { uri: 'a://1', name: 'a' },
        { uri: 'z://1', name: 'z', size: 99 },
      ],
      resourceTemplates: [],
      prompts: [],
    });
    expect(surfaceText(a)).toBe(surfaceText(b));
    expect(a.tools.map((t) => t.name)).toEqual(['a', 'b']);
    expect(surfaceText(a)).not.toContain('_meta');
    expect(surfaceText(a).startsWith('{\n  "format": "mcp-lab/surface",')).toBe(true);
  });

  it('keeps what a tool declares about tasks', () => {
    const s = buildSurface({
      info,
      tools: [{ name: 't', inputSchema: { type: 'object' }, execution: { taskSupport: 'required' } }],
      resources: [],
      resourceTemplates: [],
      prompts: [],
    });
    expect(s.tools[0]!.execution).toEqual({ taskSupport: 'required' });
  });
});

describe('compareSurfaces', () => {
  it('finds nothing between equal surfaces', () => {
    expect(compareSurfaces(surface(), surface())).toEqual([]);
  });

  it('an optional parameter that became required is breaking, and names the parameter', () => {
    const after = surface({ tools: [{ ...forecast(), inputSchema: { ...forecast().inputSchema, required: ['city', 'days'] } }] });
    expect(lines(surface(), after)).toEqual(['breaking tool forecast input.days: parameter became required']);
    expect(hasBreaking(compareSurfaces(surface(), after))).toBe(true);
  });

  it('classifies removals, narrowing and enum values as breaking, additions and widening as compatible, breaking first', () => {
    const after = surface({
      tools: [
        forecast(
          {
            days: { type: 'integer', minimum: 1, maximum: 5 },
            units: { type: 'string', enum: ['metric', 'kelvin'] },
            city: undefined,
            lang: { type: 'string' },
          },
          { description: 'Forecast' },
        ),
        { name: 'alerts', inputSchema: { type: 'object' } },
      ],
      resources: [],
      prompts: [
        {
          name: 'brief',
          arguments: [
            { name: 'city', required: true },
            { name: 'tone', required: true },
          ],
        },
      ],
    });
    // `city: undefined` drops the property but leaves it in `required`: a removal all the same.
    const out = lines(surface(), after);
    expect(out).toEqual([
      'breaking tool forecast input.city: parameter removed',
      'breaking tool forecast input.days: maximum 10 → 5',
      'breaking tool forecast input.units: enum value removed: "imperial"',
      'breaking resource weather://stations: resource removed',
      'breaking prompt brief argument tone: argument became required',
      'compatible tool forecast input.units: enum value added: "kelvin"',
      'compatible tool forecast input.lang: optional parameter added',
      'compatible tool forecast: description changed',
      'compatible tool alerts: tool added',
    ]);
  });

  it('a new required parameter and a narrowed type are breaking; a widened type is not', () => {
    const narrowed = surface({
      tools: [
        forecast(
          { city: { type: 'integer' }, at: { type: 'string' } },
          { inputSchema: { type: 'object', properties: { city: { type: 'integer' }, at: { type: 'string' } }, required: ['city', 'at'] } },
        ),
      ],
    });
    expect(lines(surface(), narrowed)).toContain('breaking tool forecast input.city: type changed from string to integer');
    expect(lines(surface(), narrowed)).toContain('breaking tool forecast input.at: required parameter added');
    const widened = surface({ tools: [forecast({ days: { type: ['integer', 'null'], minimum: 1, maximum: 10 } })] });
    expect(lines(surface(), widened)).toEqual(['compatible tool forecast input.days: type widened from integer to integer|null']);
    const numberToInteger = surface({ tools: [forecast({ days: { type: 'number', minimum: 1, maximum: 10 } })] });
    expect(lines(surface(), numberToInteger)).toEqual(['compatible tool forecast input.days: type widened from integer to number']);
    expect(lines(numberToInteger, surface())).toEqual(['breaking tool forecast input.days: type narrowed from number to integer']);
  });

  it('output: a removed field, a field that may now be missing or a wider type is breaking; a new field is not', () => {
    const out = (props: Record<string, unknown>, required: string[]) =>
      surface({ tools: [forecast({}, { outputSchema: { type: 'object', properties: props, required } })] });
    expect(lines(surface(), out({ temperature: { type: 'number' } }, ['temperature']))).toEqual([
      'breaking tool forecast output.summary: output field removed',
    ]);
    expect(lines(surface(), out({ temperature: { type: 'number' }, summary: { type: 'string' } }, ['temperature']))).toEqual([
      'breaking tool forecast output.summary: output field may now be missing',
    ]);
    expect(
      lines(surface(), out({ temperature: { type: ['number', 'null'] }, summary: { type: 'string' } }, ['temperature', 'summary'])),
    ).toEqual(['breaking tool forecast output.temperature: type widened from number to null|number']);
    expect(
      lines(
        surface(),
        out({ temperature: { type: 'number' }, summary: { type: 'string' }, wind: { type: 'number' } }, ['temperature', 'summary']),
      ),
    ).toEqual(['compatible tool forecast output.wind: output field added']);
    expect(lines(surface(), surface({ tools: [forecast({}, { outputSchema: undefined })] }))).toEqual([
      'breaking tool forecast: output schema removed (no structured result promised any more)',
    ]);
  });

  it('tools, templates and prompts removed, a required prompt argument added, a capability dropped, task support now required: all breaking', () => {
    const after = surface({
      tools: [forecast({}, { execution: { taskSupport: 'required' } })],
      resourceTemplates: [],
      prompts: [{ name: 'brief', arguments: [{ name: 'city', required: true }, { name: 'tone' }, { name: 'date', required: true }] }],
      capabilities: { tools: {}, resources: { subscribe: true } },
    });
    expect(lines(surface(), after)).toEqual([
      'breaking tool forecast execution: task support forbidden → required',
      'breaking template weather://city/{name}: template removed',
      'breaking prompt brief argument date: required argument added',
      'breaking capability prompts: capability no longer declared',
      'breaking capability tools.listChanged: capability no longer declared',
    ]);
    expect(lines(surface(), surface({ prompts: [] }))).toEqual(['breaking prompt brief: prompt removed']);
  });

  it('follows $ref into definitions, and compares recursive schemas without looping', () => {
    const tree = (valueType: string, extra: Record<string, unknown> = {}) => ({
      type: 'object',
      properties: { root: { $ref: '#/$defs/Node' } },
      required: ['root'],
      $defs: {
        Node: {
          type: 'object',
          properties: {
            value: { type: valueType },
            children: { type: 'array', items: { $ref: '#/$defs/Node' } },
            next: { anyOf: [{ $ref: '#/$defs/Node' }, { type: 'null' }] },
            ...extra,
          },
          required: ['value'],
        },
      },
    });
    expect(compareSchemas(tree('number'), tree('number'), 'input')).toEqual([]);
    expect(compareSchemas(tree('number'), tree('integer'), 'input')).toEqual([
      { breaking: true, at: 'input.root.value', message: 'type narrowed from number to integer' },
    ]);
    expect(compareSchemas(tree('number'), tree('number', { label: { type: 'string' } }), 'input')).toEqual([
      { breaking: false, at: 'input.root.label', message: 'optional field added' },
    ]);
    // A schema that is its own reference, in both versions.
    const self = { type: 'object', properties: { me: { $ref: '#' }, n: { type: 'string' } } };
    expect(compareSchemas(self, { ...self, properties: { ...self.properties, n: { type: 'string', enum: ['a'] } } }, 'input')).toEqual([
      { breaking: true, at: 'input.n', message: 'now limited to "a"' },
    ]);
  });

  it('stops at a web of references that grows without end', () => {
    // Every definition refers to two others: the pairs are finite, each compared once.
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++)
      defs[`D${i}`] = { type: 'object', properties: { l: { $ref: `#/$defs/D${(i + 1) % 30}` }, r: { $ref: `#/$defs/D${(i + 7) % 30}` } } };
    const s = { type: 'object', properties: { x: { $ref: '#/$defs/D0' } }, $defs: defs };
    expect(compareSchemas(s, s, 'input')).toEqual([]);
  });
});
