// Generates src/api/schema.d.ts from docs/openapi.json with openapi-typescript (types only: nothing of it reaches the
// bundles). `--check` generates in memory and fails when the committed file differs, i.e. when the document changed and
// the types were not regenerated (`npm run api-types`). The generator lives in this folder's own package because it
// needs TypeScript 5's compiler API, which the toolbar's TypeScript 7 does not ship; it is installed here on first use.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const toolbar = join(here, '..', '..');
const documentPath = join(toolbar, '..', '..', 'docs', 'openapi.json');
const outputPath = join(toolbar, 'src', 'api', 'schema.d.ts');
const check = process.argv.includes('--check');

if (!existsSync(join(here, 'node_modules', 'openapi-typescript'))) {
  const npm = (args) => spawnSync('npm', args, { cwd: here, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  if (!npm(['ci', '--no-audit', '--no-fund']) && !npm(['install', '--no-save', '--no-audit', '--no-fund'])) {
    console.error('api-types: installing openapi-typescript failed');
    process.exit(1);
  }
}
const { default: openapiTS, astToString } = await import(pathToFileURL(join(here, 'node_modules', 'openapi-typescript', 'dist', 'index.mjs')).href);

const header = '// Generated from docs/openapi.json by `npm run api-types` (openapi-typescript). Do not edit: regenerate.\n\n';
const generated = header + astToString(await openapiTS(JSON.parse(readFileSync(documentPath, 'utf8'))));
const name = relative(toolbar, outputPath);
if (check) {
  const current = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : '';
  if (current !== generated) {
    console.error(`api-types: ${name} is stale: docs/openapi.json changed since it was generated. Run \`npm run api-types\` in src/toolbar and commit it.`);
    process.exit(1);
  }
} else {
  writeFileSync(outputPath, generated);
  console.log(`api-types: wrote ${name}`);
}
