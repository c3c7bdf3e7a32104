/**
 * The events Amazon Bedrock sends to the Lambda behind an agent action group, exactly as they arrive.
 * Every parameter value is a string, whatever its declared `type` says.
 */

/** The agent that sent the event. */
export interface BedrockAgentInfo {
  readonly name: string;
  readonly id: string;
  readonly alias: string;
  readonly version: string;
}

/** One parameter or flattened body property: `value` is always a string on the wire. */
export interface BedrockAgentParameter {
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

/** Fields common to both event kinds. */
export interface BedrockAgentEventBase {
  readonly messageVersion: '1.0';
  readonly agent: BedrockAgentInfo;
  readonly inputText: string;
  readonly sessionId: string;
  readonly actionGroup: string;
  readonly parameters?: readonly BedrockAgentParameter[];
  readonly sessionAttributes: Record<string, string>;
  readonly promptSessionAttributes: Record<string, string>;
}

/** The flattened JSON body of an OpenAPI operation. */
export interface BedrockAgentRequestBody {
  readonly content: {
    readonly 'application/json': { readonly properties: readonly BedrockAgentParameter[] };
  };
}

/** An event for an action group defined by an OpenAPI schema. */
export interface OpenApiActionEvent extends BedrockAgentEventBase {
  /** The path template as written in the schema, e.g. `/orders/{orderId}`. */
  readonly apiPath: string;
  /** Upper case, e.g. `GET`. */
  readonly httpMethod: string;
  /** Present only when the operation has a request body. */
  readonly requestBody?: BedrockAgentRequestBody;
}

/** An event for an action group defined by function details. */
export interface FunctionActionEvent extends BedrockAgentEventBase {
  readonly function: string;
}

export type BedrockAgentEvent = OpenApiActionEvent | FunctionActionEvent;

/**
 * The part of the Lambda context the router reads (structural, so the `aws-lambda` Context type fits without
 * adding `@types/aws-lambda`).
 */
export interface LambdaContextLike {
  readonly awsRequestId?: string;
}
