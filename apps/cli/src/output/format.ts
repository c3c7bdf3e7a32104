/** `orderId=ORD-1001 reason="arrived damaged"`: values quoted only when they need it. */
export function formatArguments(...records: ReadonlyArray<Readonly<Record<string, string>>>): string {
  const pairs = records.flatMap((record) => Object.entries(record));
  if (pairs.length === 0) return '(no parameters)';
  return pairs.map(([name, value]) => `${name}=${quoteIfNeeded(value)}`).join(' ');
}

export function quoteIfNeeded(value: string): string {
  return /^[\w.@:/+-]+$/.test(value) ? value : JSON.stringify(value);
}

/** Shortens text for one trace line; the full text stays in --json output. */
export function truncate(text: string, max = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)}… (${flat.length - max} more characters)`;
}
