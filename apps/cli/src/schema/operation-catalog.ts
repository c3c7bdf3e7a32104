import { listOperations, type OperationInfo } from '@order-agent/action-handler';
import orderManagementApi from '@order-agent/schemas/order-management-api.json';

export type { OperationInfo, OperationInput, OperationParameter } from '@order-agent/action-handler';

/**
 * Looks operations of an OpenAPI action-group schema up by operationId or by Bedrock's (verb, apiPath). The
 * operations are read by the action handler's own reader (`listOperations`), so the CLI sees the schema exactly
 * as the Lambda's router does, `$ref`s included.
 */
export class OperationCatalog {
  private readonly byId = new Map<string, OperationInfo>();

  private constructor(operations: readonly OperationInfo[]) {
    for (const operation of operations) this.byId.set(operation.operationId, operation);
  }

  /** The order API this repository ships (schemas/order-management-api.json). */
  static orderManagement(): OperationCatalog {
    return OperationCatalog.fromDocument(orderManagementApi);
  }

  /** Throws the action handler's ContractError when the router could not serve the document. */
  static fromDocument(document: unknown): OperationCatalog {
    return new OperationCatalog(listOperations(document));
  }

  list(): OperationInfo[] {
    return [...this.byId.values()];
  }

  get(operationId: string): OperationInfo | undefined {
    return this.byId.get(operationId);
  }

  findByRoute(httpMethod: string | undefined, apiPath: string | undefined): OperationInfo | undefined {
    if (!httpMethod || !apiPath) return undefined;
    const verb = httpMethod.toUpperCase();
    return this.list().find((operation) => operation.httpMethod === verb && operation.apiPath === apiPath);
  }

  /** The name to show for a call: the operationId when known, else the function name or `VERB /path`. */
  nameFor(call: { httpMethod?: string; apiPath?: string; functionName?: string }): string {
    const known = this.findByRoute(call.httpMethod, call.apiPath);
    if (known) return known.operationId;
    if (call.functionName) return call.functionName;
    return `${(call.httpMethod ?? '?').toUpperCase()} ${call.apiPath ?? '?'}`;
  }
}
