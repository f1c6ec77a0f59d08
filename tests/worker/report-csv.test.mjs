// The campaign report's CSV (www/worker/report-csv.js): what Excel reads as columns and never
// as a formula, in both languages. Run: node --test tests/worker/report-csv.test.mjs

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recipientsCsv } from '../../www/worker/report-csv.js';

const row = (fields) => ({ phoneNumber: '+33612345678', state: 'sent', delivery: null, group: null, at: null, reason: null, messageId: '7', tag: 'abc-0', ...fields });

test('a BOM, `;` between fields, CRLF between lines, empty cells for null', () => {
  const csv = recipientsCsv([row({})], 'en');
  assert.ok(csv.startsWith('\uFEFFphone number;state;delivery;'));
  assert.equal(csv, "\uFEFFphone number;state;delivery;delivery group;reported at (UTC);reason;answered STOP;message id;tag\r\n'+33612345678;sent;;;;;;7;abc-0\r\n");
});

test('formula starters neutralized, separators and quotes quoted', () => {
  const csv = recipientsCsv([row({ reason: '=HYPERLINK("x")', tag: 'a;b', messageId: '-1', state: '@sum', delivery: 'l1\nl2' })], 'fr');
  const line = csv.split('\r\n')[1];
  assert.equal(line, `'+33612345678;'@sum;"l1\nl2";;;"'=HYPERLINK(""x"")";;'-1;"a;b"`);
  assert.match(csv, /^\uFEFFnuméro;état;remise;/);
});
