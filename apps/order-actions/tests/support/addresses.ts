/** A valid new shipping address, different from every fixture order's. */
export const NEW_ADDRESS = {
  name: 'Sam Lee',
  line1: '1 New Road',
  city: 'Leeds',
  postalCode: 'LS1 4AP',
  country: 'GB',
} as const;
