/** Chunks of bytes as one array (a part read in pieces, a package written in memory); one chunk is returned as it is. */
export function concatBytes(chunks: Iterable<Uint8Array>): Uint8Array {
  const list = [...chunks];
  if (list.length === 1) return list[0];
  const out = new Uint8Array(list.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of list) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
