// The schedule's date field in dd/mm/yyyy (SMS Partner's and Paris's format) whatever the
// browser's locale: the slashes typed for the person, and the browser's calendar read back.
// Whether a date is valid is the package's to say (validateSendRequest), not this module's.

/**
 * The field's text after an edit: while typing at the end, digits are grouped as dd/mm/yyyy
 * ("07012099" → "07/01/2099", "07" → "07/"); deletions and edits inside the text are left as they are.
 */
export function typedDate(typed, inputType, atEnd) {
  if (!atEnd || !inputType.startsWith('insert')) return typed;
  if (!/^[\d/]*$/.test(typed)) return typed;
  // A slash typed where one was just put is not doubled.
  const value = typed.replace(/\/{2,}/g, '/');
  if (/^\d{2}\/\d{2}$/.test(value)) return `${value}/`;
  if (!/^\d{1,8}$/.test(value)) return value;
  // Digits only: grouped as dd/mm/yyyy.
  let out = value.slice(0, 2);
  if (value.length >= 2) out += '/';
  out += value.slice(2, 4);
  if (value.length >= 4) out += '/';
  return out + value.slice(4);
}

/** dd/mm/yyyy as the yyyy-mm-dd of `<input type="date">`, or "" when it is not that shape. */
export function toPickerDate(text) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : '';
}

/** The yyyy-mm-dd of `<input type="date">` as dd/mm/yyyy, or "" when empty. */
export function fromPickerDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
