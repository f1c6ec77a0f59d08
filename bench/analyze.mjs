// Section 1: analyzeMessage per call in Node (the package's entry, index.js) against three
// JavaScript SMS counters, each answer read whole. Prints JSON rows on stdout.
import { readFileSync } from 'node:fs';
import calculator from 'sms-segments-calculator';
import splitSms from 'split-sms';
import SmsCounter from 'sms-counter';
import { initSync, analyzeMessage } from '../pkg/index.js';
import * as inner from '../pkg/smspartner_wasm.js';
import { TEXTS } from './texts.mjs';
import { measureTogether } from './lib/measure.mjs';
import { readAnalysis } from './lib/read.mjs';

initSync({ module: readFileSync(new URL('../pkg/smspartner_wasm_bg.wasm', import.meta.url)) });

const UNICODE = { isUnicode: true };

/** Each contender: a call that computes and reads its whole answer, and the SMS count it gives. */
const CONTENDERS = [
  {
    name: 'smspartner-wasm analyzeMessage (package entry index.js), isUnicode',
    run: (text) => readAnalysis(analyzeMessage(text, UNICODE)),
    count: (text) => analyzeMessage(text, UNICODE).smsCount,
  },
  {
    name: 'smspartner-wasm analyzeMessage (index.js), GSM mode (replacements, `?`)',
    run: (text) => readAnalysis(analyzeMessage(text)),
    count: (text) => analyzeMessage(text).smsCount,
  },
  {
    name: 'smspartner-wasm, the object built in wasm (smspartner_wasm.js), isUnicode',
    run: (text) => readAnalysis(inner.analyzeMessage(text, UNICODE)),
    count: (text) => inner.analyzeMessage(text, UNICODE).smsCount,
  },
  {
    name: 'sms-segments-calculator (Twilio)',
    run: (text) => {
      const m = new calculator.SegmentedMessage(text);
      let n = m.encodingName.length + m.segmentsCount + m.numberOfCharacters;
      n += m.numberOfUnicodeScalars + m.totalSize + m.messageSize + m.warnings.length;
      n += m.getNonGsmCharacters().length;
      for (const segment of m.segments) n += segment.length;
      return n;
    },
    count: (text) => new calculator.SegmentedMessage(text).segmentsCount,
  },
  {
    name: 'split-sms',
    run: (text) => {
      const s = splitSms.split(text);
      let n = s.characterSet.length + s.bytes + s.length + s.remainingInPart;
      for (const p of s.parts) n += p.content.length + p.length + p.bytes;
      return n;
    },
    count: (text) => splitSms.split(text).parts.length,
  },
  {
    name: 'sms-counter',
    run: (text) => {
      const c = SmsCounter.count(text);
      return c.encoding.length + c.length + c.messages + c.per_message + c.remaining;
    },
    count: (text) => SmsCounter.count(text).messages,
  },
];

const rows = [];
for (const { name: textName, text } of TEXTS) {
  const results = measureTogether(CONTENDERS.map((c) => () => c.run(text)));
  CONTENDERS.forEach((c, i) => {
    const m = results[i];
    rows.push({ text: textName, contender: c.name, ns: m.median, min: m.min, max: m.max, batches: m.batches, batchSize: m.batchSize, sms: c.count(text) });
  });
}
process.stdout.write(JSON.stringify(rows));
