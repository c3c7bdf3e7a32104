/** One thing wrong with a request's inputs, as it goes back to the model. */
export interface ParameterIssue {
  /** The parameter or body property, with a path for nested values: `address.city`, `tags[2]`. */
  readonly field: string;
  /** One sentence: which field is wrong, what was received, what is allowed. */
  readonly message: string;
  /** What values are allowed, in words. */
  readonly allowed: string;
}
