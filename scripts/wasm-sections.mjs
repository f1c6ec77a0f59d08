// Reading a wasm module's sections: LEB128 numbers and the custom sections' places.

/** Reads an unsigned LEB128 at `at`: `[value, next offset]`. */
export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('truncated LEB128');
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, at];
    shift += 7;
  }
}

/** The module's custom sections: `{ name, start, end, payload }` (byte offsets). */
export function customSections(bytes) {
  const text = new TextDecoder();
  const sections = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    const [size, body] = leb(bytes, at + 1);
    if (bytes[at] === 0) {
      const [nameLength, nameAt] = leb(bytes, body);
      const name = text.decode(bytes.subarray(nameAt, nameAt + nameLength));
      sections.push({ name, start: at, end: body + size, payload: nameAt + nameLength });
    }
    at = body + size;
  }
  return sections;
}
