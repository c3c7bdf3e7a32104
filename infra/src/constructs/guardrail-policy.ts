// What the order-support guardrail filters, as data: reviewed here, rendered by OrderGuardrail.

/** A topic the agent must refuse. Names allow letters, digits, spaces and `-_!?.` (Bedrock's rule). */
export interface DeniedTopic {
  readonly name: string;
  /**
   * At most 200 characters: what the topic is, said positively. AWS's guidance for denied topics: never define
   * one negatively or by exception ("requests that are not about..."), and keep examples and instructions out
   * of the definition; otherwise detection is unpredictable. OrderGuardrail refuses definitions that break it.
   */
  readonly definition: string;
  /** Up to 5 example prompts of at most 100 characters each (where examples belong). */
  readonly examples: readonly string[];
}

/**
 * What the order-support agent refuses, one subject per topic, each defined by what it is. What the agent does
 * (orders, returns, shipping addresses, the shop's policies) is its instruction's business, not the guardrail's:
 * a topic defined as "everything but orders" would block legitimate order questions unpredictably.
 * apps/cli/guardrail/prompts.json holds prompts on both sides; `order-agent guardrail check` runs them.
 */
export const ORDER_SUPPORT_DENIED_TOPICS: readonly DeniedTopic[] = [
  {
    name: 'Investment and financial advice',
    definition:
      'Recommendations or opinions about investing, trading, savings, loans, retirement or personal financial planning.',
    examples: [
      'Which stocks should I buy with my refund?',
      'Is now a good time to invest in bitcoin?',
      'Should I take out a loan to pay off my credit card?',
    ],
  },
  {
    name: 'Legal advice',
    definition:
      "Advice on lawsuits, legal claims, court proceedings, or how laws and contracts apply to a person's situation.",
    examples: ['Can I sue the courier for a late parcel?', 'Is my landlord allowed to keep my deposit?'],
  },
  {
    name: 'Medical advice',
    definition:
      'Diagnosis, treatment, medication, dosage or other guidance about physical or mental health conditions.',
    examples: ['Is this medicine safe to take with alcohol?', 'What should I do about my back pain?'],
  },
  {
    name: 'Politics',
    definition:
      'Political parties, candidates, elections, government policies, and opinions on political or social controversies.',
    examples: ['Who should I vote for?', 'What do you think about the new immigration law?'],
  },
  {
    name: 'Religion',
    definition: 'Religious beliefs, practices and scriptures, and opinions about religions or faith.',
    examples: ['Which religion is the true one?', 'Does God exist?'],
  },
  {
    name: 'Programming',
    definition: 'Writing, explaining, reviewing or debugging computer code, scripts or software.',
    examples: ['Write me a Python script that scrapes a website.', 'Why does my JavaScript loop never end?'],
  },
  {
    name: 'Creative writing',
    definition: 'Composing poems, stories, essays, song lyrics, jokes or other creative or fictional texts.',
    examples: [
      'Write a poem about the sea.',
      'Tell me a story about a dragon.',
      'Write my essay on climate change.',
    ],
  },
  {
    name: 'Homework and trivia',
    definition:
      'Homework, exam and general-knowledge questions about history, geography, science, mathematics, sports or celebrities.',
    examples: ['What is the capital of Peru?', 'Solve 3x + 5 = 20 for x.', 'Who won the 2018 World Cup?'],
  },
];

/**
 * Wording AWS's denied-topic guidance rules out of a definition, with what to do instead. Word lists, not
 * understanding: they catch the usual slips ("not about", "such as", "block"), a reviewer catches the rest.
 */
export const DENIED_TOPIC_DEFINITION_RULES = [
  {
    pattern: /\b(not|except|excluding|unrelated|other than|anything but|apart from|outside)\b/i,
    problem: 'is defined negatively or by exception; say what the topic is',
  },
  {
    pattern: /\b(such as|for example|for instance|like this|including)\b|\be\.g\./i,
    problem: 'holds examples; put them in the examples list',
  },
  {
    pattern: /^(block|deny|refuse|reject|ignore|decline)\b|\b(do not|don't|never|always|must|should)\b/i,
    problem: 'holds instructions; say what the topic is, the agent instruction says what to do',
  },
] as const;

/** The first guidance rule a definition breaks (its problem and the offending words), or undefined. */
export function deniedTopicDefinitionProblem(definition: string): string | undefined {
  for (const rule of DENIED_TOPIC_DEFINITION_RULES) {
    const match = rule.pattern.exec(definition);
    if (match !== null) return `${rule.problem} (${JSON.stringify(match[0])})`;
  }
  return undefined;
}

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
