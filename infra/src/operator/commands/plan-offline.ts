// `npm run plan:offline`: validate and plan every synthesized stack with no AWS account, print a summary and
// run the plan guard. Usage: see PLAN_OFFLINE_USAGE (`--help`).
import { InfraError } from '../../errors';
import { PLAN_OFFLINE_USAGE, runPlanOfflineCommand } from '../plan-offline-command';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(PLAN_OFFLINE_USAGE);
} else {
  runPlanOfflineCommand(argv, (text) => console.log(text))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      if (!(error instanceof InfraError)) throw error;
      console.error(`plan:offline failed: ${error.message}`);
      process.exitCode = 1;
    });
}
