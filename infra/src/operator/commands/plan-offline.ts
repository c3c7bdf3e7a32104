// `npm run plan:offline`: validate and plan every synthesized stack with no AWS account, print a summary and
// run the plan guard. Usage: see PLAN_OFFLINE_USAGE (`--help`).
import { commandMain } from '../command-main';
import { PLAN_OFFLINE_USAGE, runPlanOfflineCommand } from '../plan-offline-command';

commandMain('plan:offline', async (argv) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(PLAN_OFFLINE_USAGE);
    return 0;
  }
  return runPlanOfflineCommand(argv, (text) => console.log(text));
});
