/** Base class of the infra app's own errors: `main` prints their message as one line and exits 1. */
export class InfraError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The environment configuration file is missing, unreadable or breaks a rule; `problems` lists every one. */
export class ConfigError extends InfraError {
  public readonly problems: readonly string[];

  public constructor(source: string, problems: readonly string[], options?: ErrorOptions) {
    super(`invalid infra configuration (${source}): ${problems.join('; ')}`, options);
    this.problems = problems;
  }
}

/** A construct was given props that cannot work (checked before anything is created). */
export class ConstructPropsError extends InfraError {}

/** A file the synth needs (the Lambda bundle, the schema, the instruction) is missing. */
export class MissingInputError extends InfraError {}

/** An offline validate or plan failed; the message names the stack and carries terraform's diagnostics. */
export class OfflinePlanError extends InfraError {}

/** Base class of the state-safety errors (moves, the state command, the account check). */
export class StateSafetyError extends InfraError {}

/** A declared move that cannot be right (bad address, a change of type, a duplicate). */
export class DeclaredMoveError extends StateSafetyError {}

/** `npm run state` was called with arguments it does not take; the message carries the usage line. */
export class StateUsageError extends StateSafetyError {}

/** The caller's AWS account could not be determined (no credentials, STS refused, no answer). */
export class CallerIdentityError extends StateSafetyError {}

/** The caller's credentials belong to another account than the environment's. */
export class AccountMismatchError extends StateSafetyError {}

/** terraform failed during a state command or a guarded plan; the message carries its last lines. */
export class TerraformCommandError extends StateSafetyError {}

/** terraform is missing, too old, or its plugin mirror setting points nowhere. */
export class TerraformSetupError extends InfraError {}

/** An operator command was called with arguments it does not take; the message says what it takes. */
export class UsageError extends InfraError {}

/** A saved plan that must not be applied (guard failed, another account, stale, code changed), or none. */
export class SavedPlanError extends InfraError {}

/** A configured model or inference profile is past its end of life, or not ACTIVE in the region. */
export class ModelLifecycleError extends InfraError {}
