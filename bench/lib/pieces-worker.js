// A worker for bench/worker-pieces.mjs: `POST /?piece=NAME&n=N` with a send envelope as body
// runs one piece of the edge worker's work N times in the isolate and answers when done.
import wasm from '../../pkg/smspartner_wasm_bg.wasm';
import { initSync, redactApiKey, SmsPartnerClient, validateSendRequest } from '../../pkg/index.js';

initSync({ module: wasm });

const KEY = 'bench-key';
const ANSWER = '{"success":true,"code":200,"message_id":1234,"nb_sms":3,"cost":0.114,"currency":"EUR"}';
const client = new SmsPartnerClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9' });
/** What the send pieces fetch: SMS Partner's answer, made in the isolate (no I/O). */
const answered = () => Promise.resolve(new Response(ANSWER, { status: 200, headers: { 'content-type': 'application/json' } }));

/** Each piece, given the body's `request`; may answer a promise. */
const PIECES = {
  nothing: () => 0,
  validateSendRequest: (request) => validateSendRequest(request, { requireApiKey: false }),
  'validateSendRequest + JSON.stringify of the report': (request) => JSON.stringify(validateSendRequest(request, { requireApiKey: false })),
  'client.send over an answering fetch': (request) => client.send(request, {}),
  'the same in JavaScript: JSON.stringify, fetch, text, JSON.parse': async (request) => {
    const upstream = await fetch('http://127.0.0.1:9/v1/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ apiKey: KEY, ...request }),
    });
    return JSON.parse(await upstream.text());
  },
  'new SmsPartnerClient + free': () => new SmsPartnerClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9' }).free(),
  'redactApiKey of a short text': () => redactApiKey('EUR', KEY),
  'console.log of one line': () => console.log('worker POST /api/send 200 0ms'),
  'a JSON Response with two headers': () => new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } }),
  'setTimeout + clearTimeout': () => clearTimeout(setTimeout(() => {}, 10_000)),
  'a Response copied with new Headers (the CORS step before)': () => {
    const answer = new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    const headers = new Headers(answer.headers);
    headers.append('vary', 'Origin');
    return new Response(answer.body, { status: answer.status, headers });
  },
  'a Response with Vary appended in place (the CORS step now)': () => {
    const answer = new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    answer.headers.append('vary', 'Origin');
    return answer;
  },
  'new TextDecoder (fatal)': () => new TextDecoder('utf-8', { fatal: true }),
};

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const piece = PIECES[url.searchParams.get('piece')];
    const n = Number(url.searchParams.get('n'));
    const { request: sms } = await request.json();
    globalThis.fetch = answered;
    for (let i = 0; i < n; i++) await piece(sms);
    return new Response('done');
  },
};
