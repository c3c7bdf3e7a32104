// biome-ignore lint/suspicious/noExplicitAny: a service's answer is read defensively with optional chaining.
export type Json = any;

/** The parsed body of a service's answer, or undefined when it is not JSON (an empty or HTML body). */
export function parseJson(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
