// What the order-support guardrail filters, as data: reviewed here, rendered by OrderGuardrail.

/** A topic the agent must refuse. Names allow letters, digits, spaces and `-_!?.` (Bedrock's rule). */
export interface DeniedTopic {
  readonly name: string;
  /** At most 200 characters: what the topic covers. */
  readonly definition: string;
  /** Up to 5 example prompts of at most 100 characters each. */
  readonly examples: readonly string[];
}

/** Topics outside order support: the agent answers questions about the customer's orders and nothing else. */
export const ORDER_SUPPORT_DENIED_TOPICS: readonly DeniedTopic[] = [
  {
    name: 'Professional advice',
    definition: 'Financial, investment, legal, medical or tax advice, or opinions on such matters.',
    examples: [
      'Which stocks should I buy with my refund?',
      'Can I sue the courier for a late parcel?',
      'Is this medicine safe to take with alcohol?',
    ],
  },
  {
    name: 'Politics and controversy',
    definition: 'Political opinions, elections, religion or other controversial social topics.',
    examples: ['Who should I vote for?', 'What do you think about the new immigration law?'],
  },
  {
    name: 'Unrelated tasks',
    definition:
      'Requests that are not about the customer orders, returns or deliveries, such as writing code, essays, poems, homework or general trivia.',
    examples: [
      'Write me a Python script that scrapes a website.',
      'Write a poem about the sea.',
      'What is the capital of Peru?',
    ],
  },
];

/** Content filters and their strength on the user's input and the agent's output. */
export const CONTENT_FILTERS = [
  { type: 'SEXUAL', inputStrength: 'HIGH', outputStrength: 'HIGH' },
  { type: 'VIOLENCE', inputStrength: 'HIGH', outputStrength: 'HIGH' },
  { type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH' },
  { type: 'INSULTS', inputStrength: 'HIGH', outputStrength: 'HIGH' },
  { type: 'MISCONDUCT', inputStrength: 'HIGH', outputStrength: 'HIGH' },
  // Prompt attacks only exist in the input.
  { type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE' },
] as const;

/**
 * Personal data: payment and secret data is blocked outright; contact details the order API never needs are
 * masked. Names and postal addresses pass, because updating a shipping address needs them.
 */
export const PII_ACTIONS = {
  CREDIT_DEBIT_CARD_NUMBER: 'BLOCK',
  CREDIT_DEBIT_CARD_CVV: 'BLOCK',
  CREDIT_DEBIT_CARD_EXPIRY: 'BLOCK',
  PIN: 'BLOCK',
  PASSWORD: 'BLOCK',
  US_BANK_ACCOUNT_NUMBER: 'BLOCK',
  INTERNATIONAL_BANK_ACCOUNT_NUMBER: 'BLOCK',
  US_SOCIAL_SECURITY_NUMBER: 'BLOCK',
  AWS_ACCESS_KEY: 'BLOCK',
  AWS_SECRET_KEY: 'BLOCK',
  EMAIL: 'ANONYMIZE',
  PHONE: 'ANONYMIZE',
} as const satisfies Record<string, 'BLOCK' | 'ANONYMIZE'>;
