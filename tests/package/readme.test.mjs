// The package README, as published, gives the very code and configuration the tests build and
// run (fixtures/), and links only to absolute addresses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES } from './helpers.mjs';

const fixture = (path) => readFileSync(join(FIXTURES, path), 'utf8');
const buildScript = (name) => JSON.parse(fixture(`${name}/package.json`)).scripts.build;
const installedFile = (name) => join(FIXTURES, 'node_modules', 'smspartner-wasm', name);
const readme = readFileSync(installedFile('README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(installedFile('package.json'), 'utf8'));

describe('the package README', () => {
  for (const path of ['node/main.mjs', 'rollup/rollup.config.mjs', 'wrangler/wrangler.toml', 'wrangler/src/worker.js']) {
    it(`shows fixtures/${path} as tested`, () => assert.ok(readme.includes(fixture(path)), path));
  }

  it('shows the build commands as tested', () => {
    for (const name of ['vite', 'webpack', 'esbuild']) assert.ok(readme.includes(buildScript(name)), name);
  });

  it('initializes each bundle as the tested pages do', () => {
    for (const [name, main] of [['vite', 'src/main.js'], ['webpack', 'src/index.js'], ['esbuild', 'src/main.js'], ['rollup', 'src/main.js']]) {
      const source = fixture(`${name}/${main}`);
      const calls = source.match(/init(?:Length)?\([^)]*\)/g);
      assert.ok(calls?.length, name);
      for (const call of calls) assert.ok(readme.includes(`await ${call}`), `${name}: ${call}`);
      for (const line of source.split('\n').filter((l) => l.includes('"smspartner-wasm/'))) assert.ok(readme.includes(line), line);
    }
  });

  it('links only to absolute addresses, into the repository of package.json', () => {
    const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(links.length > 0);
    for (const link of links) {
      assert.match(link, /^https:\/\//, link);
      if (link.startsWith('https://github.com/')) assert.ok(link.startsWith(repository), link);
    }
  });
});
