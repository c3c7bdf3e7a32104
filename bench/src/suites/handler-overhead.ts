import { Logger } from '@aws-lambda-powertools/logger';
import { BedrockAgentFunctionResolver } from '@aws-lambda-powertools/event-handler/bedrock-agent';
import {
  ActionRouter,
  type BedrockAgentResponse,
  type FunctionSchema,
  type OpenApiDocument,
} from '@order-agent/action-handler';
import schemaJson from '../../../schemas/order-management-api.json';
import {
  functionEvent,
  getOrderStatusEvent,
  initiateReturnEvent,
  sampleAddress,
  updateShippingAddressEvent,
} from '../support/bedrock-events';
import { row, Unit } from '../support/results';
import { median, percentileOfSorted } from '../support/stats';
import type { BenchContext, Suite, SuiteResult } from './suite';

const SUITE = 'handler overhead';
const schema = schemaJson as OpenApiDocument;

type Resolve = (event: unknown) => Promise<unknown>;

/** The same function with a few typed parameters, for both routers. */
const functions: FunctionSchema = [
  {
    name: 'getOrderStatus',
    description: 'Status of one order.',
    parameters: {
      orderId: { type: 'string', description: 'ORD- followed by digits.', required: true },
      includeItems: { type: 'boolean', description: 'Whether to list the items.', required: false },
      maxItems: { type: 'integer', description: 'At most this many items.', required: false },
    },
  },
];

interface StatusParams {
  orderId: string;
  includeItems?: boolean;
  maxItems?: number;
}
const statusOf = (params: StatusParams) => ({
  orderId: params.orderId,
  status: 'SHIPPED',
  includeItems: params.includeItems,
  maxItems: params.maxItems,
});

function ourFunctionRouter(): Resolve {
  const router = new ActionRouter<{ getOrderStatus: { params: StatusParams; body: undefined } }>({
    functions,
    operations: { getOrderStatus: async ({ params }) => ({ body: statusOf(params) }) },
    logger: new Logger({ serviceName: 'bench', logLevel: 'ERROR' }),
  });
  return (event) => router.resolve(event);
}

function powertoolsResolver(): Resolve {
  const app = new BedrockAgentFunctionResolver();
  app.tool<{ orderId: string; includeItems: boolean; maxItems: number }>(async (params) => statusOf(params), {
    name: 'getOrderStatus',
    description: 'Status of one order.',
  });
  // Powertools types the context as aws-lambda's Context; neither router reads it here.
  return (event) => app.resolve(event, {} as never);
}

function ourOpenApiRouter(): Resolve {
  const router = new ActionRouter({
    schema,
    operations: {
      getOrderStatus: async ({ params }) => ({ body: { orderId: params.orderId, status: 'SHIPPED' } }),
      initiateReturn: async ({ params, body }) => ({
        body: { returnId: `RET-${String(params.orderId).slice(4)}`, reason: (body as { reason: string }).reason },
      }),
      updateShippingAddress: async ({ params, body }) => ({ body: { orderId: params.orderId, shippingAddress: body } }),
    },
    logger: new Logger({ serviceName: 'bench', logLevel: 'ERROR' }),
  });
  return (event) => router.resolve(event);
}

const functionEvents = Array.from({ length: 16 }, (_, i) =>
  functionEvent('getOrderStatus', [
    { name: 'orderId', type: 'string', value: `ORD-${1001 + i}` },
    { name: 'includeItems', type: 'boolean', value: i % 2 === 0 ? 'true' : 'false' },
    { name: 'maxItems', type: 'integer', value: String((i % 10) + 1) },
  ]),
);
const openApiEvents = Array.from({ length: 16 }, (_, i) => {
  const orderId = `ORD-${1001 + i}`;
  if (i % 4 === 1) return initiateReturnEvent(orderId, 'The lamp flickers');
  if (i % 4 === 3) return updateShippingAddressEvent(orderId, { ...sampleAddress, line2: `Flat ${i}` });
  return getOrderStatusEvent(orderId);
});

/** Events per second over one batch, nothing but the awaited calls in the loop. */
async function throughputBatch(resolve: Resolve, events: readonly unknown[], n: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await resolve(events[i % events.length]);
  return n / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** Each call timed on its own, in nanoseconds. */
async function latencyBatch(resolve: Resolve, events: readonly unknown[], n: number, into: number[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    const event = events[i % events.length];
    const started = process.hrtime.bigint();
    await resolve(event);
    into.push(Number(process.hrtime.bigint() - started));
  }
}

interface Subject {
  readonly name: string;
  readonly resolve: Resolve;
  readonly events: readonly unknown[];
  readonly rates: number[];
  readonly latenciesNs: number[];
}

/**
 * Our ActionRouter (routing, decoding, validation, envelope) on in-memory handlers, beside Powertools'
 * BedrockAgentFunctionResolver on the same function-details events and the same result; plus our router on
 * OpenAPI events of the real order schema. Warmed up, then interleaved rounds (the order rotates each round).
 */
export const handlerOverheadSuite: Suite = {
  name: SUITE,
  async run(context: BenchContext): Promise<SuiteResult> {
    const subjects: Subject[] = [
      { name: 'ours-function', resolve: ourFunctionRouter(), events: functionEvents, rates: [], latenciesNs: [] },
      { name: 'powertools-function', resolve: powertoolsResolver(), events: functionEvents, rates: [], latenciesNs: [] },
      { name: 'ours-openapi', resolve: ourOpenApiRouter(), events: openApiEvents, rates: [], latenciesNs: [] },
    ];
    await assertSameAnswers(subjects[0]!.resolve, subjects[1]!.resolve);
    await assertOpenApiAnswers(subjects[2]!.resolve);

    const rounds = context.quick ? 3 : 12;
    const batch = context.quick ? 10_000 : 40_000;
    const latencyCalls = context.quick ? 2_000 : 10_000;
    for (const subject of subjects) {
      for (let i = 0; i < 3; i++) await throughputBatch(subject.resolve, subject.events, batch / 2);
    }
    for (let round = 0; round < rounds; round++) {
      for (let s = 0; s < subjects.length; s++) {
        const subject = subjects[(s + round) % subjects.length]!;
        subject.rates.push(await throughputBatch(subject.resolve, subject.events, batch));
        await latencyBatch(subject.resolve, subject.events, latencyCalls, subject.latenciesNs);
      }
      if (round % 4 === 3 || round === rounds - 1) {
        context.progress(
          `handler overhead ${round + 1}/${rounds}: ${subjects.map((s) => `${s.name} ${Math.round(s.rates.at(-1)!)}/s`).join(', ')}`,
        );
      }
    }

    const [ours, powertools, openApi] = subjects.map(summarize) as [Summary, Summary, Summary];
    const pt = 'Powertools resolver';
    return {
      rows: [
        row({
          suite: SUITE,
          measure: `function events, throughput (median of ${rounds} x ${batch})`,
          value: ours.eventsPerS,
          unit: Unit.EVENTS_PER_S,
          baseline: { label: pt, value: powertools.eventsPerS },
          target: { kind: 'ratio-at-least', limit: 1 },
        }),
        row({
          suite: SUITE,
          measure: 'function events, p50 latency',
          value: ours.p50Us,
          unit: Unit.US,
          baseline: { label: pt, value: powertools.p50Us },
          target: { kind: 'ratio-at-most', limit: 1 },
        }),
        row({
          suite: SUITE,
          measure: 'function events, p99 latency',
          value: ours.p99Us,
          unit: Unit.US,
          baseline: { label: pt, value: powertools.p99Us },
          target: { kind: 'ratio-at-most', limit: 1 },
        }),
        row({
          suite: SUITE,
          measure: 'OpenAPI events (order schema, 3 operations), throughput',
          value: openApi.eventsPerS,
          unit: Unit.EVENTS_PER_S,
          baseline: { label: `${pt} (function events)`, value: powertools.eventsPerS },
          note: `p50 ${openApi.p50Us.toFixed(2)} µs, p99 ${openApi.p99Us.toFixed(2)} µs`,
        }),
      ],
      details: { rounds, batch, latencyCalls, subjects: { ours, powertools, openApi } },
    };
  },
};

interface Summary {
  readonly eventsPerS: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly rates: readonly number[];
}

function summarize(subject: Subject): Summary {
  const sorted = Float64Array.from(subject.latenciesNs).sort();
  return {
    eventsPerS: median(subject.rates),
    p50Us: percentileOfSorted(sorted, 50) / 1000,
    p99Us: percentileOfSorted(sorted, 99) / 1000,
    rates: subject.rates.map(Math.round),
  };
}

/** Both function routers must do the same work: the same decoded values, the same body string. */
async function assertSameAnswers(ours: Resolve, powertools: Resolve): Promise<void> {
  for (const event of functionEvents) {
    const a = (await ours(event)) as BedrockAgentResponse;
    const b = (await powertools(event)) as BedrockAgentResponse;
    const body = (r: BedrockAgentResponse) =>
      'functionResponse' in r.response ? r.response.functionResponse.responseBody.TEXT.body : undefined;
    if (body(a) === undefined || body(a) !== body(b)) {
      throw new Error(`the routers disagree on ${JSON.stringify(event)}: ${body(a)} vs ${body(b)}`);
    }
  }
}

async function assertOpenApiAnswers(resolve: Resolve): Promise<void> {
  for (const event of openApiEvents) {
    const answer = (await resolve(event)) as BedrockAgentResponse;
    const status = 'httpStatusCode' in answer.response ? answer.response.httpStatusCode : undefined;
    if (status !== 200) throw new Error(`OpenAPI event answered ${status}: ${JSON.stringify(answer)}`);
  }
}
