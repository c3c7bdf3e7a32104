// `npm run plan:offline`: validate and plan every synthesized stack with no AWS account and print a summary.
// Usage: node infra/dist/cli/plan-offline.js [--synth-dir <dir>] [stack...]
import { relative, resolve } from 'node:path';
import { InfraError } from '../errors';
import { planOffline } from '../offline/offline-plan';
import { formatCounts } from '../offline/plan-summary';
import { pluginMirror, terraformBinary, terraformVersion } from '../offline/terraform-env';
import { REPO_ROOT, SYNTH_OUT_DIR } from '../paths';

async function main(argv: readonly string[]): Promise<void> {
  const { synthDir, stacks } = parseArguments(argv);

  const version = terraformVersion();
  if (version === undefined) {
    throw new InfraError(
      `${terraformBinary()} was not found: install Terraform >= 1.10 or set TERRAFORM_BINARY_NAME`,
    );
  }
  const mirror = pluginMirror();
  console.log(
    `offline plan: terraform ${version}, providers from ${mirror ?? 'the registry (no mirror configured)'}`,
  );
  const started = Date.now();
  const plans = await planOffline({
    synthDir,
    ...(stacks.length > 0 ? { stacks } : {}),
    log: (line) => console.log(`  ${line}`),
  });
  const width = Math.max(...plans.map((plan) => plan.stack.length));
  console.log('\nsummary:');
  for (const plan of plans) {
    const file = relative(REPO_ROOT, plan.planJsonFile);
    console.log(
      `  ${plan.stack.padEnd(width)}  ${formatCounts(plan.counts)}  (${file}, ${plan.seconds.toFixed(1)} s)`,
    );
  }
  console.log(`${plans.length} stacks planned offline in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function parseArguments(argv: readonly string[]): { synthDir: string; stacks: string[] } {
  let synthDir = SYNTH_OUT_DIR;
  const stacks: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--synth-dir' && argv[index + 1] !== undefined) synthDir = resolve(argv[++index]!);
    else if (arg.startsWith('-'))
      throw new InfraError(`unknown option ${arg} (usage: [--synth-dir <dir>] [stack...])`);
    else stacks.push(arg);
  }
  return { synthDir, stacks };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (!(error instanceof InfraError)) throw error;
  console.error(`plan:offline failed: ${error.message}`);
  process.exitCode = 1;
});
