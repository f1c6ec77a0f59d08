// The installed package's declarations and manifest: tsc under strict with skipLibCheck false
// (bundler and node16 resolution; with the DOM, with Node's types only, with neither), and
// publint and @arethetypeswrong/cli on the tarball.
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES, TARBALL, run } from './helpers.mjs';

const TSC = [
  ['bundler resolution, DOM, `using`, ./length beside the main entry', 'ts-bundler/tsconfig.json'],
  ['bundler resolution, no DOM, no Node, no WebAssembly', 'ts-bundler/tsconfig.bare.json'],
  ['node16 resolution, Node types only: the README snippet, require (of ./length too), the wasm subpaths', 'ts-node16/tsconfig.json'],
];

describe('the package types as installed', () => {
  for (const [name, config] of TSC) {
    it(`tsc --strict: ${name}`, () => run('tsc', ['-p', config], FIXTURES));
  }
  it('publint --strict finds nothing', () => run('publint', ['--strict', TARBALL], FIXTURES));
  it('@arethetypeswrong/cli finds no problem', () => run('attw', [TARBALL], FIXTURES));
});
