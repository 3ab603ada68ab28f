import { describe, expect, it } from 'vitest';
import { HUB_EVENT_SCHEMAS } from '../src/api/events';
import { EVENT_NAMES } from '../src/hub/hub';

// The server's description of its API and hub (docs/openapi.json, checked against the server by its own test). node:fs
// is imported by a name tsc does not resolve: the toolbar's type check has no Node types.
const fsModule: string = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ fsModule)) as { readFileSync(path: URL, encoding: 'utf8'): string };
const document = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8')) as {
  'x-hub-events': Record<string, string>;
  components: { schemas: Record<string, unknown> };
};

describe('hub event contract', () => {
  it('types exactly the events the server lists, each with the schema it names', () => {
    const typed = Object.fromEntries(Object.entries(HUB_EVENT_SCHEMAS).map(([name, schema]) => [name, `#/components/schemas/${schema}`]));
    expect(typed).toEqual(document['x-hub-events']);
  });

  it('every schema it names is in the document', () => {
    for (const schema of Object.values(HUB_EVENT_SCHEMAS)) expect(document.components.schemas, schema).toHaveProperty([schema]);
  });

  it('the hub client listens only to events the server sends', () => {
    for (const name of EVENT_NAMES) expect(Object.keys(document['x-hub-events'])).toContain(name);
  });
});
