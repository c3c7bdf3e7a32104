import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { BedrockAgentResponse } from '@order-agent/action-handler';
import { readAnswer } from '@order-agent/action-handler/testing';
import { createOrderActionsHandler } from '@order-agent/order-actions';
import {
  getOrderStatusEvent,
  initiateReturnEvent,
  NEW_ADDRESS,
  updateShippingAddressEvent,
} from '@order-agent/order-actions/testing';
import { BENCH_CUSTOMER_ID } from '../support/bench-customer';
import type { LocalOrdersTable } from '../support/local-table';
import { row, Unit } from '../support/results';
import { percentileOfSorted } from '../support/stats';
import type { BenchContext, Suite, SuiteResult } from './suite';

const SUITE = 'throughput';
const CONCURRENCY = [1, 8, 32] as const;

interface Run {
  readonly opsPerS: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers by status (the handler) or 'ok'/'error' (the SDK). */
  readonly outcomes: Record<string, number>;
}

/**
 * Order operations per second through the real handler (its source, as bundled into the Lambda) against dynalite,
 * with N callers each awaiting its previous answer: getOrderStatus alone (one GetItem each: the handler's own cost
 * shows against the baseline), and a mix of 60% getOrderStatus, 20% initiateReturn (the first creates the return,
 * the rest answer it) and 20% updateShippingAddress on PLACED orders. Baseline: the same N callers making plain SDK
 * GetItem calls on the same table, the floor the store sets. dynalite runs in this process, so it shares the CPU
 * with the handler, as it does with the baseline.
 */
export const throughputSuite: Suite = {
  name: SUITE,
  async run(context: BenchContext): Promise<SuiteResult> {
    const table = await context.localTable();
    Object.assign(process.env, table.env, {
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
    });
    // Audit records are built and serialised as in the Lambda, but not printed: stdout carries the bench's table.
    const handler = createOrderActionsHandler({
      auditLogger: { info: (message, attributes) => void JSON.stringify({ message, ...attributes }) },
    });
    const operation = mixedOperation(handler, table);
    const getItem = (i: number) =>
      table.client.send(
        new GetItemCommand({
          TableName: table.tableName,
          Key: { orderId: { S: table.orderIds.all[i % table.orderIds.all.length]! } },
          ConsistentRead: true,
        }),
      );
    const statusOnly = async (i: number) => {
      const answer = await handler(
        getOrderStatusEvent(table.orderIds.all[i % table.orderIds.all.length]!, BENCH_CUSTOMER_ID),
      );
      return String(readAnswer(answer).status);
    };
    const rawGet = async (i: number) => {
      await getItem(i);
      return 'ok';
    };
    const durationMs = context.quick ? 700 : 2_000;
    await drive(operation, 4, 300);
    await drive(rawGet, 4, 300);

    const rows = [];
    const details: Record<string, { mixed: Run; getOrderStatus: Run; sdkGetItem: Run }> = {};
    for (const [index, callers] of CONCURRENCY.entries()) {
      // Rotate which goes first, so drift on a shared machine is spread.
      const plan = [
        ['mixed', operation],
        ['getOrderStatus', statusOnly],
        ['sdkGetItem', rawGet],
      ] as const;
      const runs: Partial<Record<(typeof plan)[number][0], Run>> = {};
      for (let k = 0; k < plan.length; k++) {
        const [name, call] = plan[(k + index) % plan.length]!;
        runs[name] = await drive(call, callers, durationMs);
      }
      const { mixed, getOrderStatus, sdkGetItem } = runs as Required<typeof runs>;
      details[`N=${callers}`] = { mixed, getOrderStatus, sdkGetItem };
      context.progress(
        `throughput N=${callers}: mixed ${Math.round(mixed.opsPerS)}/s, getOrderStatus ${Math.round(getOrderStatus.opsPerS)}/s, SDK GetItem ${Math.round(sdkGetItem.opsPerS)}/s`,
      );
      const baseline = { label: 'plain SDK GetItem, same N', value: sdkGetItem.opsPerS };
      rows.push(
        row({
          suite: SUITE,
          measure: `getOrderStatus through the handler, N=${callers}`,
          value: getOrderStatus.opsPerS,
          unit: Unit.OPS_PER_S,
          baseline,
          note: latencyNote(getOrderStatus),
        }),
        row({
          suite: SUITE,
          measure: `mixed order operations, N=${callers}`,
          value: mixed.opsPerS,
          unit: Unit.OPS_PER_S,
          baseline,
          note: latencyNote(mixed),
        }),
      );
    }
    return { rows, details };
  },
};

function latencyNote(run: Run): string {
  const unexpected = Object.entries(run.outcomes).filter(
    ([outcome]) => outcome !== '200' && outcome !== 'ok',
  );
  return (
    `p50 ${run.p50Ms.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms` +
    (unexpected.length > 0 ? `; unexpected answers: ${JSON.stringify(Object.fromEntries(unexpected))}` : '')
  );
}

/** The i-th operation of the mix, through the handler; resolves to the answer's status. */
function mixedOperation(
  handler: (event: unknown) => Promise<BedrockAgentResponse>,
  table: LocalOrdersTable,
): (i: number) => Promise<string> {
  const { all, returnable, placed } = table.orderIds;
  const pick = (ids: readonly string[], i: number) => ids[(i * 7919) % ids.length]!;
  return async (i) => {
    const kind = i % 10;
    const event =
      kind < 6
        ? getOrderStatusEvent(pick(all, i), BENCH_CUSTOMER_ID)
        : kind < 8
          ? initiateReturnEvent(pick(returnable, i), 'Arrived damaged', BENCH_CUSTOMER_ID)
          : updateShippingAddressEvent(
              pick(placed, i),
              { ...NEW_ADDRESS, line2: `Flat ${i % 50}` },
              BENCH_CUSTOMER_ID,
            );
    const answer = await handler(event);
    return String(readAnswer(answer).status);
  };
}

/** `callers` loops, each awaiting its own call before the next, until the time is up. */
async function drive(
  call: (i: number) => Promise<string>,
  callers: number,
  durationMs: number,
): Promise<Run> {
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let next = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(durationMs) * 1_000_000n;
  const caller = async () => {
    while (process.hrtime.bigint() < deadline) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      let outcome: string;
      try {
        outcome = await call(i);
      } catch {
        outcome = 'error';
      }
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = Float64Array.from(latencies).sort();
  return {
    opsPerS: latencies.length / elapsedS,
    p50Ms: percentileOfSorted(sorted, 50),
    p99Ms: percentileOfSorted(sorted, 99),
    outcomes,
  };
}
