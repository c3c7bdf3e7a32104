// One measurement run of one router, in a process of its own (so the two routers never share JIT state, as two
// Lambdas would not): warm-up, then throughput batches (nothing but the awaited calls in the loop) and a latency
// batch (each call timed). Prints JSON: { answers, rates, p50Ns, p99Ns }.
import { percentileOfSorted } from '../support/stats';
import { answerOf, createSubject, SUBJECTS, type SubjectName } from './subjects';

async function main(): Promise<void> {
  const [name, batchArg, roundsArg, latencyArg] = process.argv.slice(2);
  if (!SUBJECTS.includes(name as SubjectName)) throw new Error(`unknown subject ${name}`);
  const batch = Number(batchArg);
  const rounds = Number(roundsArg);
  const latencyCalls = Number(latencyArg);
  const { resolve, events } = createSubject(name as SubjectName);
  // What each event is answered with: the suite checks both function routers answer alike.
  const answers: string[] = [];
  for (const event of events) answers.push(answerOf(await resolve(event)));

  const throughput = async (n: number) => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await resolve(events[i % events.length]);
    return n / (Number(process.hrtime.bigint() - started) / 1e9);
  };
  for (let i = 0; i < 3; i++) await throughput(batch / 2);
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) rates.push(await throughput(batch));
  const latencies = new Float64Array(latencyCalls);
  for (let i = 0; i < latencyCalls; i++) {
    const event = events[i % events.length];
    const started = process.hrtime.bigint();
    await resolve(event);
    latencies[i] = Number(process.hrtime.bigint() - started);
  }
  latencies.sort();
  process.stdout.write(
    JSON.stringify({
      answers,
      rates,
      p50Ns: percentileOfSorted(latencies, 50),
      p99Ns: percentileOfSorted(latencies, 99),
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
