import type { OpenApiActionEvent } from '@order-agent/action-handler';
import { readAnswer } from '@order-agent/action-handler/testing';
import type { LocalOrderServiceOptions } from '@order-agent/order-actions/local';
import { ConfigError, ExitCode, UsageError } from '../errors';
import { buildActionEvent, parseAssignments } from '../local/action-event';
import { type LocalOrdersTable, startLocalOrdersTable } from '../local/local-orders-table';
import { checkLocalTable, profileCredentials } from '../local/local-table-check';
import { Style } from '../output/style';
import { OperationCatalog, type OperationInfo } from '../schema/operation-catalog';
import type { CliIo, Command } from '../types';
import { COMMON_OPTIONS, CUSTOMER_HELP, CUSTOMER_OPTIONS, customerIdOption, parseCommandArgs } from './args';

const DEFAULT_ACTION_GROUP = 'order-management';
const DEFAULT_TABLE = 'orders';

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...CUSTOMER_OPTIONS,
  local: { type: 'boolean' },
  table: { type: 'string' },
  'action-group': { type: 'string' },
  'session-id': { type: 'string' },
  'event-only': { type: 'boolean' },
  aws: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

function operationsHelp(catalog: OperationCatalog): string {
  return catalog
    .list()
    .map((operation) => {
      const keys = [
        ...operation.parameters.map(
          (parameter) => `${parameter.name}${parameter.required ? '' : '?'} (${parameter.in})`,
        ),
        ...(operation.body?.properties ?? []).map(
          (property) => `${property.name}${property.required ? '' : '?'} (body)`,
        ),
      ];
      const confirm = operation.requiresConfirmation ? ' [agent asks the user to confirm]' : '';
      return `  ${operation.operationId.padEnd(22)} ${operation.httpMethod} ${operation.apiPath}${confirm}\n${' '.repeat(25)}${keys.join(', ')}`;
    })
    .join('\n');
}

function help(catalog: OperationCatalog): string {
  return `Usage: order-agent action [options] OPERATION [key=value...]

Runs one operation of the order API locally, the way the agent would: builds the exact Bedrock action-group
event for OPERATION of schemas/order-management-api.json from the key=value pairs (the schema decides which
keys are parameters and which are request body properties; values are sent as strings, as Bedrock does),
runs the order-actions Lambda handler on it in this process, and prints the event and the response.
No AWS account is used: the handler talks to a local DynamoDB.

Operations (key? = optional):
${operationsHelp(catalog)}

Where the orders are:
  --local              Start an in-memory DynamoDB (dynalite) for this run, create the table and seed the
                       sample orders (apps/order-actions/fixtures/orders.json). Nothing is kept afterwards.
  (default)            Use the local DynamoDB at $AWS_ENDPOINT_URL_DYNAMODB and the table $ORDERS_TABLE, e.g.
                       started with "npm run dev" (it prints both). Before the handler runs, the endpoint
                       must be local (127.0.0.1, localhost), listening, and hold the table; otherwise one
                       line says which of them is wrong (exit 3). Without an endpoint it refuses to run
                       rather than reach AWS.
  --table NAME         Table name (default $ORDERS_TABLE, or "${DEFAULT_TABLE}" with --local).
  --aws                Allow a non-local $AWS_ENDPOINT_URL_DYNAMODB.

Event and output:
  --customer-id ID     ${CUSTOMER_HELP}
                       Without one the handler answers 401 (no customer signed in).
  --action-group NAME  The event's actionGroup (default ${DEFAULT_ACTION_GROUP}).
  --session-id ID      The event's sessionId (default local-<random>).
  --event-only         Print the event and stop; runs nothing.
  --json               Print one JSON object { event, response, body } instead of the sections.
  --no-color           No ANSI colours (also $NO_COLOR).
  --debug              Print stack traces with errors.
  -h, --help           Show this help.

Exit codes: 0 the handler answered (whatever its HTTP status), 2 usage (unknown operation or key),
3 configuration (no endpoint, not local without --aws, nothing listening, no such table), 1 other failure.

The sample orders belong to three customers, CUST-1001 to CUST-1003 ("npm run dev" lists whose order is whose);
another customer's order is answered 404, exactly like an order that does not exist.

Examples:
  order-agent action --local --customer-id CUST-1001 getOrderStatus orderId=ORD-1001
  order-agent action --local --customer-id CUST-1001 initiateReturn orderId=ORD-1001 reason="arrived damaged"
  order-agent action --local --customer-id CUST-1002 updateShippingAddress orderId=ORD-1002 name="Sam Lee" \\
      line1="1 New Road" city=London postalCode="NW1 6XE" country=GB
  order-agent action --event-only --customer-id CUST-1001 getOrderStatus orderId=ORD-1001 > event.json`;
}

export const actionCommand: Command = {
  name: 'action',
  summary: 'Run one order API operation locally through the order-actions handler (no AWS)',
  get help() {
    return help(OperationCatalog.orderManagement());
  },
  async run(argv: string[], io: CliIo): Promise<number> {
    const catalog = OperationCatalog.orderManagement();
    const { values, positionals } = parseCommandArgs('action', argv, OPTIONS);
    if (values.help) {
      io.stdout.write(`${help(catalog)}\n`);
      return ExitCode.OK;
    }
    const [operationId, ...assignments] = positionals;
    if (!operationId) throw new UsageError('missing OPERATION (see the list in order-agent action --help)');
    const operation = findOperation(catalog, operationId);
    const customerId = customerIdOption(values['customer-id'], io.env);
    const { event, missing } = buildActionEvent(operation, parseAssignments(assignments), {
      actionGroup: values['action-group'] ?? DEFAULT_ACTION_GROUP,
      ...(values['session-id'] ? { sessionId: values['session-id'] } : {}),
      ...(customerId !== undefined ? { customerId } : {}),
    });
    const style = Style.for(io, 'stdout');
    if (values['event-only']) {
      io.stdout.write(`${JSON.stringify(event, null, 2)}\n`);
      return ExitCode.OK;
    }
    if (missing.length > 0) {
      io.stderr.write(
        `${Style.for(io, 'stderr').yellow('warning')}: ${operation.operationId} requires ${missing.join(', ')}; sending the event without, to show the handler's answer\n`,
      );
    }

    let local: LocalOrdersTable | undefined;
    try {
      let table: LocalOrderServiceOptions;
      if (values.local) {
        local = await startLocalOrdersTable(values.table ?? DEFAULT_TABLE);
        table = { endpoint: local.endpoint, tableName: local.tableName, credentials: LOCAL_CREDENTIALS };
      } else {
        table = localTable(io, values.table);
        await checkLocalTable(table, values.aws === true, io.env.AWS_PROFILE);
        if (!table.credentials) {
          table = { ...table, credentials: await profileCredentials(table.region, io.env.AWS_PROFILE) };
        }
      }
      if (customerId === undefined) {
        io.stderr.write(
          `${Style.for(io, 'stderr').yellow('warning')}: no --customer-id (or ORDER_AGENT_CUSTOMER_ID): sending the event without a signed-in customer, to show the handler's answer\n`,
        );
      }
      // Loaded here, not at start-up: invoke and eval never need the Lambda's code or its dependencies.
      const { AUDIT_KEY, createOrderActionsHandler } = await import('@order-agent/order-actions');
      const { localOrderService } = await import('@order-agent/order-actions/local');
      // The audit record a write logs in the Lambda, shown on stderr (stdout carries the answer).
      const auditLogger = {
        info: (_message: string, attributes: Record<string, unknown>) =>
          io.stderr.write(
            `${Style.for(io, 'stderr').dim(`audit: ${JSON.stringify(attributes[AUDIT_KEY])}`)}\n`,
          ),
      };
      const orderService = localOrderService(table);
      const response = await createOrderActionsHandler({ orderService, auditLogger })(event);
      printResult(io, style, event, response, values.json === true, operation);
      return ExitCode.OK;
    } finally {
      await local?.stop();
    }
  },
};

function findOperation(catalog: OperationCatalog, operationId: string): OperationInfo {
  const operation = catalog.get(operationId);
  if (operation) return operation;
  const known = catalog.list().map((candidate) => candidate.operationId);
  throw new UsageError(`unknown operation "${operationId}" (operations: ${known.join(', ')})`);
}

/** A local endpoint checks no signature, but the SDK wants credentials to sign with. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The local table the user started (checkLocalTable refuses anything that would reach AWS). */
function localTable(io: CliIo, tableFlag: string | undefined): LocalOrderServiceOptions {
  const endpoint = io.env.AWS_ENDPOINT_URL_DYNAMODB ?? io.env.AWS_ENDPOINT_URL;
  if (!endpoint) {
    throw new ConfigError(
      'no local DynamoDB: set AWS_ENDPOINT_URL_DYNAMODB (npm run dev prints it) or pass --local',
    );
  }
  const table = tableFlag ?? io.env.ORDERS_TABLE;
  if (!table) throw new ConfigError('no orders table: set ORDERS_TABLE or pass --table');
  // Some local DynamoDBs keep one database per access key and region: sign as the user would.
  const accessKeyId = io.env.AWS_ACCESS_KEY_ID;
  return {
    endpoint,
    tableName: table,
    region: io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    ...(accessKeyId
      ? { credentials: { accessKeyId, secretAccessKey: io.env.AWS_SECRET_ACCESS_KEY ?? '' } }
      : io.env.AWS_PROFILE
        ? {}
        : { credentials: LOCAL_CREDENTIALS }),
  };
}

function printResult(
  io: CliIo,
  style: Style,
  event: OpenApiActionEvent,
  response: unknown,
  json: boolean,
  operation: OperationInfo,
): void {
  const { status, body } = readAnswer(response, { event });
  if (json) {
    io.stdout.write(`${JSON.stringify({ event, response, body }, null, 2)}\n`);
    return;
  }
  const statusText = status < 400 ? style.green(String(status)) : style.red(String(status));
  io.stdout.write(`${style.bold(`Event (${operation.operationId})`)}\n${JSON.stringify(event, null, 2)}\n\n`);
  io.stdout.write(`${style.bold('Response')} (HTTP ${statusText})\n${JSON.stringify(response, null, 2)}\n\n`);
  io.stdout.write(`${style.bold('Body, decoded')}\n${JSON.stringify(body, null, 2)}\n`);
}
