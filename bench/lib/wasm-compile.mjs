// Compiles and instantiates the package's wasm once, in a fresh process, and prints the times
// (ms) as JSON: what a new isolate pays. Run with --no-wasm-lazy-compilation to compile every
// function up front instead of on first call.
import { readFileSync } from 'node:fs';

const bytes = readFileSync(new URL('../../pkg/smspartner_wasm_bg.wasm', import.meta.url));
const pkg = await import('../../pkg/index.js');
const t0 = performance.now();
const module = new WebAssembly.Module(bytes);
const t1 = performance.now();
pkg.initSync({ module });
const t2 = performance.now();
pkg.validateSendRequest({ phoneNumbers: '06 12 34 56 78', message: 'Bonjour Élodie, votre commande est prête.' }, { requireApiKey: false });
const t3 = performance.now();
pkg.validateSendRequest({ phoneNumbers: '06 12 34 56 79', message: 'Bonjour Élodie, votre commande est prête !' }, { requireApiKey: false });
const t4 = performance.now();
process.stdout.write(JSON.stringify({ compile: t1 - t0, instantiate: t2 - t1, firstCall: t3 - t2, secondCall: t4 - t3 }));
