// The schedule date field's typing aid and calendar conversions, in Node.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromPickerDate, toPickerDate, typedDate } from '../../www/date-field.js';

describe('date field', () => {
  it('groups typed digits as dd/mm/yyyy and leaves other edits alone', () => {
    const cases = [
      ['0', '0'],
      ['07', '07/'],
      ['07//', '07/'],
      ['07/01', '07/01/'],
      ['07/01/2', '07/01/2'],
      ['07012099', '07/01/2099'],
      ['7/1/2099', '7/1/2099'],
      ['070120991', '070120991'],
      ['abc', 'abc'],
    ];
    for (const [typed, shown] of cases) assert.equal(typedDate(typed, 'insertText', true), shown, typed);
    assert.equal(typedDate('07', 'deleteContentBackward', true), '07');
    assert.equal(typedDate('07', 'insertText', false), '07');
  });

  it("converts to and from the calendar's yyyy-mm-dd", () => {
    assert.equal(toPickerDate('07/01/2099'), '2099-01-07');
    assert.equal(toPickerDate('7/1/2099'), '');
    assert.equal(fromPickerDate('2099-01-07'), '07/01/2099');
    assert.equal(fromPickerDate(''), '');
  });
});
