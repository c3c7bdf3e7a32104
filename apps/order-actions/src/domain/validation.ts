import { InvalidOrderInputError } from './errors';
import type { ShippingAddress } from './types/order';

/**
 * The domain checks its own inputs, whatever adapter called it (the Bedrock schema says the same, but another
 * agent runtime may not validate first). Strings are trimmed; empty optional parts are dropped.
 */

const ORDER_ID = /^ORD-[0-9]{1,12}$/;
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$/;
const COUNTRY = /^[A-Z]{2}$/;
export const MAX_REASON_LENGTH = 500;

export function parseOrderId(value: unknown): string {
  if (typeof value !== 'string' || !ORDER_ID.test(value)) {
    throw new InvalidOrderInputError(
      'orderId',
      `The order id ${quoteValue(value)} is not valid: it must be ORD- followed by 1 to 12 digits, for example ORD-1001.`,
      'ORD- followed by 1 to 12 digits',
    );
  }
  return value;
}

export function parseReturnReason(value: unknown): string {
  return text(value, 'reason', { min: 1, max: MAX_REASON_LENGTH, what: 'The return reason' });
}

export function parseShippingAddress(value: unknown): ShippingAddress {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOrderInputError('address', 'The new shipping address is missing.', 'an address object');
  }
  const input = value as Record<string, unknown>;
  const address: { -readonly [K in keyof ShippingAddress]: ShippingAddress[K] } = {
    name: text(input.name, 'name', { min: 1, max: 100, what: "The recipient's name" }),
    line1: text(input.line1, 'line1', { min: 1, max: 200, what: 'The street and house number (line1)' }),
    city: text(input.city, 'city', { min: 1, max: 100, what: 'The city' }),
    postalCode: text(input.postalCode, 'postalCode', {
      min: 2,
      max: 12,
      what: 'The postal code',
      pattern: POSTAL_CODE,
      allowed: '2 to 12 letters, digits, spaces or hyphens, starting and ending with a letter or digit',
    }),
    country: text(input.country, 'country', {
      min: 2,
      max: 2,
      what: 'The country',
      pattern: COUNTRY,
      allowed: 'a two-letter ISO 3166-1 alpha-2 code in capitals, for example US, GB or DE',
    }),
  };
  const line2 = optionalText(input.line2, 'line2', { max: 200, what: 'The second address line (line2)' });
  if (line2 !== undefined) address.line2 = line2;
  const region = optionalText(input.region, 'region', { max: 100, what: 'The region' });
  if (region !== undefined) address.region = region;
  return address;
}

interface TextRule {
  readonly min: number;
  readonly max: number;
  /** The field in words, for the message. */
  readonly what: string;
  readonly pattern?: RegExp;
  readonly allowed?: string;
}

function text(value: unknown, field: string, rule: TextRule): string {
  const allowed = rule.allowed ?? `text of ${rule.min} to ${rule.max} characters`;
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new InvalidOrderInputError(field, `${rule.what} is missing. It must be ${allowed}.`, allowed);
  }
  const trimmed = value.trim();
  // In characters (code points), as the schema's minLength/maxLength count them: an emoji is one, not two.
  const length = codePointLength(trimmed);
  if (length < rule.min || length > rule.max || (rule.pattern && !rule.pattern.test(trimmed))) {
    throw new InvalidOrderInputError(
      field,
      `${rule.what} ${quoteValue(trimmed)} is not valid: it must be ${allowed}.`,
      allowed,
    );
  }
  return trimmed;
}

function optionalText(value: unknown, field: string, rule: Omit<TextRule, 'min'>): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
    return undefined;
  return text(value, field, { ...rule, min: 0 });
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** Quotes a value for a message without echoing a huge input back, and without cutting a character in half. */
function quoteValue(value: unknown): string {
  if (typeof value !== 'string')
    return value === undefined ? '(none)' : `(a ${value === null ? 'null' : typeof value})`;
  const length = codePointLength(value);
  if (length <= 40) return `"${value}"`;
  return `"${Array.from(value.slice(0, 80)).slice(0, 37).join('')}..." (${length} characters)`;
}
