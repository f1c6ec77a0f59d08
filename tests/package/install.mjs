// Packs pkg/ with `npm pack` and installs the tarball into tests/package/fixtures/node_modules,
// as a user's `npm install` would; skipped when that very tarball is already installed.
// Run: node tests/package/install.mjs   (after scripts/build)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { npm, FIXTURES, ROOT, TARBALL } from './helpers.mjs';

const CACHE = join(ROOT, '.cache', 'package');
const STAMP = join(FIXTURES, 'node_modules', '.tarball.sha256');

mkdirSync(CACHE, { recursive: true });
const [{ filename }] = JSON.parse(await npm(['pack', join(ROOT, 'pkg'), '--pack-destination', CACHE, '--json'], ROOT));
renameSync(join(CACHE, filename), TARBALL);
const hash = createHash('sha256').update(readFileSync(TARBALL)).digest('hex');

if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) {
  console.log(`${TARBALL}: already installed`);
} else {
  rmSync(join(FIXTURES, 'node_modules'), { recursive: true, force: true });
  await npm(['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefer-offline', TARBALL], FIXTURES);
  writeFileSync(STAMP, hash);
  console.log(`${TARBALL}: installed into ${FIXTURES}`);
}
