import { isRecord, type SchemaNode } from './node';

const MAX_REF_HOPS = 32;

/** State shared while compiling one router's schemas. */
export interface CompileContext {
  /** The document `$ref`s point into. */
  readonly root: unknown;
  /** Contract problems found so far (reported together by ContractError). */
  readonly problems: string[];
  /** Compiled nodes by source schema object: shares work and terminates recursive schemas. */
  readonly memo: Map<object, SchemaNode>;
}

/** Follows local `$ref`s (`#/components/...`, JSON Pointer escapes) to the object they name. */
export function resolveRef(ctx: CompileContext, value: unknown, where: string): unknown {
  let current = value;
  for (let hops = 0; isRecord(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (hops >= MAX_REF_HOPS) {
      ctx.problems.push(`${where}: $ref ${ref} is part of a reference loop`);
      return undefined;
    }
    if (!ref.startsWith('#/')) {
      ctx.problems.push(`${where}: $ref ${ref} is not local; only "#/..." references are supported`);
      return undefined;
    }
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, raw) => {
        const key = unescapePointer(raw);
        return isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined;
      }, ctx.root);
    if (current === undefined) {
      ctx.problems.push(`${where}: $ref ${ref} points to nothing in the document`);
      return undefined;
    }
  }
  return current;
}

/** A JSON Pointer segment as written in a URI fragment: percent-encoding, then `~1` for "/" and `~0` for "~". */
function unescapePointer(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // not percent-encoded after all: use it as written
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}
