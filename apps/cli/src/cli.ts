// The bundle's entry point (dist/cli.js): runs main() on the real process.
import { processIo } from './io';
import { main } from './main';

// The SDK warns on every run under Node 20 that future SDK releases will need Node 22. That is for whoever
// maintains this repository (engines says >=20.9), not for someone reading an agent's answer, and it would break
// the one-line-error promise; the SDK's own switch turns it off unless the user set it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // main() does not throw; this is a last resort that still keeps to one line.
    process.stderr.write(`order-agent: unexpected failure: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
