import { CustomerNotSignedInError } from './errors';

/**
 * A customer id as the application that signed the customer in sets it (a user pool `sub`, an account number, an
 * e-mail address): 1 to 128 characters, starting with a letter or digit, then letters, digits and `._:@+-`.
 * It is used exactly as given (never trimmed or case-folded): it is compared with the `customerId` stored on
 * each order.
 */
const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$/;

/**
 * The signed-in customer, or {@link CustomerNotSignedInError} when there is none (absent, empty or not a customer
 * id). The caller reads it from its trusted channel only, never from what the customer typed.
 */
export function parseCustomerId(value: unknown): string {
  if (typeof value !== 'string' || !CUSTOMER_ID.test(value)) throw new CustomerNotSignedInError();
  return value;
}
