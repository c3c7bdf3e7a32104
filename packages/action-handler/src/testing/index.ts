/**
 * Test support for Lambdas behind Bedrock action groups (`@order-agent/action-handler/testing`): events exactly as
 * Bedrock sends them, and a strict reader of the envelopes that answer them. Used by every test suite, the bench
 * and the CLI's local `action`, so all of them speak one format.
 */
export { type Answer, type ReadAnswerOptions, readAnswer } from './answers';
export {
  type EventParameters,
  functionEvent,
  jsonRequestBody,
  openApiEvent,
  openApiEventWithBody,
  param,
  TEST_AGENT,
  toParameters,
} from './events';
