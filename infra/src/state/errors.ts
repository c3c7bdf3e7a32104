import { InfraError } from '../errors';

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
