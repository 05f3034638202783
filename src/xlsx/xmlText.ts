/**
 * XML text made by hand, for the parts the writers compose: no parser here, so that a writer that
 * reads nothing back (newWorkbook.ts, loaded by the task pane on demand) carries none.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string);
}

/** `fragment`'s element names given `prefix` ("<sheet/>" → "<x:sheet/>"). */
export function withPrefix(fragment: string, prefix: string): string {
  if (prefix === '') return fragment;
  return fragment.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`);
}
