import { UsageError } from '../errors';
import type { CliIo, Command } from '../types';
import { COMMON_OPTIONS, parseCommandArgs } from './args';

const SHELLS = ['bash', 'zsh'] as const;

const HELP = `Usage: order-agent completion bash|zsh

Prints a shell completion script for order-agent: commands, each command's flags, files elsewhere.

  bash   source <(order-agent completion bash)      (or save it to ~/.local/share/bash-completion/completions/order-agent)
  zsh    order-agent completion zsh > "\${fpath[1]}/_order-agent"   (then restart zsh; or source it after compinit)

Exit codes: 0 ok, 2 usage (no or unknown shell).`;

/** The flags a command's help documents: the help is the one list of them (a test keeps it complete). */
export function flagsOf(command: Command): string[] {
  const flags = command.help.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [];
  return [...new Set([...flags, '--help'])].sort();
}

export const completionCommand: Command = {
  name: 'completion',
  summary: 'Print a bash or zsh completion script',
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('completion', argv, COMMON_OPTIONS);
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    const [shell, ...extra] = positionals;
    if (!SHELLS.includes(shell as (typeof SHELLS)[number]) || extra.length > 0) {
      throw new UsageError(
        shell === undefined ? 'missing SHELL: bash or zsh' : `unknown shell "${shell}"; shells: bash, zsh`,
      );
    }
    // Loaded here: the command list includes this command.
    const { commands } = await import('./index');
    io.stdout.write(shell === 'bash' ? bashScript(commands) : zshScript(commands));
    return 0;
  },
};

function bashScript(commands: readonly Command[]): string {
  const names = [...commands.map((command) => command.name), 'help', '--help', '--version'].join(' ');
  const cases = commands
    .map(
      (command) =>
        `    ${command.name}) words="${[...subcommandsOf(command), ...flagsOf(command)].join(' ')}" ;;`,
    )
    .join('\n');
  return `# bash completion for order-agent (order-agent completion bash)
_order_agent() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${names}" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
    help) words="${commands.map((command) => command.name).join(' ')}" ;;
    *) words="" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -o bashdefault -F _order_agent order-agent
`;
}

function zshScript(commands: readonly Command[]): string {
  const described = commands
    .map((command) => `    '${command.name}:${command.summary.replace(/'/g, "'\\''").replace(/:/g, '\\:')}'`)
    .join('\n');
  const cases = commands
    .map(
      (command) =>
        `    ${command.name}) flags=(${[...subcommandsOf(command), ...flagsOf(command)].join(' ')}) ;;`,
    )
    .join('\n');
  return `#compdef order-agent
# zsh completion for order-agent (order-agent completion zsh)
_order_agent() {
  local -a commands flags
  commands=(
${described}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "$words[2]" in
${cases}
    *) flags=() ;;
  esac
  _alternative "flags:flag:(\${flags[*]})" 'files:file:_files'
}
if [ "$funcstack[1]" = "_order_agent" ]; then
  _order_agent "$@"
else
  compdef _order_agent order-agent
fi
`;
}

/** The sub-commands a command's usage line names, e.g. `kb sync`. */
function subcommandsOf(command: Command): string[] {
  const usage = new RegExp(`^Usage: order-agent ${command.name} ([a-z]+(?:\\|[a-z]+)*)\\b`).exec(
    command.help,
  );
  return usage?.[1]?.split('|') ?? [];
}
