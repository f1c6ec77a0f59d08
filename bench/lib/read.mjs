// Reads a whole MessageAnalysis the way a front-end would, touching every field.

/** Sum of the numbers and string lengths of an analysis (so that nothing is left unread). */
export function readAnalysis(a) {
  let n = a.encoding.length + a.characters + a.smsCount + a.perSms + a.remaining;
  const replacements = a.replacements;
  for (let i = 0; i < replacements.length; i++) {
    const r = replacements[i];
    n += r.index + r.char.length + r.replacement.length;
  }
  const unsupported = a.unsupported;
  for (let i = 0; i < unsupported.length; i++) {
    const u = unsupported[i];
    n += u.index + u.char.length;
  }
  const stop = a.stopMention;
  if (stop !== null) n += stop.length;
  return n + a.preview.length;
}
