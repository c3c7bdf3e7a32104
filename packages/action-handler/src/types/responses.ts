/** The envelopes a Lambda behind a Bedrock agent action group must answer with. */

/** Fields common to both envelopes. Returned maps replace the session's. */
export interface BedrockAgentResponseBase {
  readonly messageVersion: '1.0';
  readonly sessionAttributes?: Record<string, string>;
  readonly promptSessionAttributes?: Record<string, string>;
}

/** The answer to an {@link OpenApiActionEvent}: `body` is a JSON document serialised to a string. */
export interface OpenApiActionResponse extends BedrockAgentResponseBase {
  readonly response: {
    readonly actionGroup: string;
    readonly apiPath: string;
    readonly httpMethod: string;
    readonly httpStatusCode: number;
    readonly responseBody: { readonly 'application/json': { readonly body: string } };
  };
}

/** `REPROMPT` hands the body back to the model; `FAILURE` ends the turn with a dependency failure. */
export type FunctionResponseState = 'REPROMPT' | 'FAILURE';

/** The answer to a {@link FunctionActionEvent}. */
export interface FunctionActionResponse extends BedrockAgentResponseBase {
  readonly response: {
    readonly actionGroup: string;
    readonly function: string;
    readonly functionResponse: {
      readonly responseState?: FunctionResponseState;
      readonly responseBody: { readonly TEXT: { readonly body: string } };
    };
  };
}

export type BedrockAgentResponse = OpenApiActionResponse | FunctionActionResponse;
