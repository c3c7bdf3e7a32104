import { Token } from 'cdktf';
import { type IntegerLimit, isWithin } from '../config/rules';
import { ConstructPropsError } from '../errors';

// The constructs' prop checks. A token (a value Terraform resolves at apply, such as another resource's name)
// cannot be judged at synth: every check lets it pass, and Terraform and AWS judge the value at apply.

/** Whether every value is known at synth (none is a token), so a rule over them can be judged. */
export function isKnownAtSynth(...values: readonly unknown[]): boolean {
  return !values.some((value) => Token.isUnresolved(value));
}

/** Throws `<path>: <message>` when `value` is known at synth and `isValid` rejects it. */
export function checkProp<T>(path: string, value: T, isValid: (value: T) => boolean, message: string): void {
  if (!isKnownAtSynth(value) || isValid(value)) return;
  throw new ConstructPropsError(`${path}: ${message}`);
}

/** Throws `<path>: <what> "<value>" is not valid` when a known `value` does not match `pattern`. */
export function checkName(path: string, what: string, value: string, pattern: RegExp): void {
  checkProp(path, value, (name) => pattern.test(name), `${what} ${JSON.stringify(value)} is not valid`);
}

/**
 * Throws `<path>: <what> must be an integer from <min> to <max> <unit>` when a known `value` is outside `limit`;
 * undefined (a prop left to its default) passes.
 */
export function checkInteger(
  path: string,
  what: string,
  value: number | undefined,
  limit: IntegerLimit,
): void {
  const unit = limit.unit === undefined ? '' : ` ${limit.unit}`;
  checkProp(
    path,
    value,
    (number) => number === undefined || isWithin(number, limit),
    `${what} must be an integer from ${limit.min} to ${limit.max}${unit}`,
  );
}
