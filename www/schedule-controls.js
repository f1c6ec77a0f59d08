// The schedule's controls: the hour and minute lists, on only with a date, the slashes typed in the
// date, the browser's calendar written back as dd/mm/yyyy, and the button that clears the date.

import { fromPickerDate, toPickerDate, typedDate } from './date-field.js';
import { el } from './elements.js';
import { scheduleDate } from './form.js';

/** The hour (00 to 23) and minute (every 5) lists, at 09:00. */
export function fillScheduleSelects() {
  const two = (n) => String(n).padStart(2, '0');
  el.hour.innerHTML = Array.from({ length: 24 }, (_, h) => `<option value="${h}">${two(h)}</option>`).join('');
  el.minute.innerHTML = Array.from({ length: 12 }, (_, i) => `<option value="${i * 5}">${two(i * 5)}</option>`).join('');
  el.hour.value = '9';
  el.minute.value = '0';
}

/** The hour, the minute and the clear button are on only once a date is given. */
export function syncScheduleControls() {
  const none = scheduleDate() === '';
  el.hour.disabled = none;
  el.minute.disabled = none;
  el.clearDate.disabled = none;
}

/**
 * An edit of the date field: the slashes typed for the person as they type at the end, and the
 * other controls on or off with the date.
 */
export function dateEdited(event) {
  if (event.type === 'input') {
    const typed = typedDate(el.date.value, event.inputType ?? '', el.date.selectionStart === el.date.value.length);
    if (typed !== el.date.value) el.date.value = typed;
  }
  syncScheduleControls();
}

/** The calendar: the browser's date picker, its yyyy-mm-dd written back as dd/mm/yyyy. */
export function openPicker() {
  el.picker.value = toPickerDate(scheduleDate());
  try {
    el.picker.showPicker();
  } catch {
    // No picker here (or not allowed now): typing the date stays possible.
    el.date.focus();
  }
}

/** The date picked in the calendar, written into the date field as if typed there. */
export function pickerChanged(event) {
  event.stopPropagation();
  const date = fromPickerDate(el.picker.value);
  if (date === '') return;
  el.date.value = date;
  el.date.dispatchEvent(new Event('change', { bubbles: true }));
  el.date.focus();
}

/** The date removed: the message leaves at once again. */
export function clearSchedule() {
  el.date.value = '';
  el.date.dispatchEvent(new Event('change', { bubbles: true }));
  el.date.focus();
}
