export type { StateSafetyOptions } from './apply-state-safety';
export { applyStateSafety } from './apply-state-safety';
export type { AwsCredentials, CallerAccountOptions } from './caller-account';
export { callerAccount, stsEndpoint } from './caller-account';
export { DECLARED_MOVES } from './declared-moves';
export type { DeclaredMove } from './declared-moves-aspect';
export { DeclaredMovesAspect, movesEndingIn, validateMoves } from './declared-moves-aspect';
export {
  AccountMismatchError,
  CallerIdentityError,
  DeclaredMoveError,
  StateSafetyError,
  StateUsageError,
  TerraformCommandError,
} from './errors';
export type { MovedBlockProps } from './moved-block';
export { MovedBlock } from './moved-block';
export type { PinMismatch, PinnedAddresses, SynthesizedResources } from './pinned-addresses';
export {
  comparePinnedAddresses,
  describePinMismatches,
  statefulAddresses,
  UPDATE_PINS_COMMAND,
} from './pinned-addresses';
export type { DestructiveChange, PlanGuardVerdict } from './plan-guard';
export { describeBlocked, destructiveChanges, guardPlan } from './plan-guard';
export type { StateCommandOptions } from './run-state-command';
export { LOCAL_STATE_OVERRIDE_FILE, runStateCommand } from './run-state-command';
export type { StackTarget } from './stack-target';
export { describeBackend, resolveStackTarget, synthesizedBackend } from './stack-target';
export type { ParsedStateArguments, StateCommand, StateInvocation } from './state-arguments';
export { parseStateArguments, STATE_COMMANDS, STATE_USAGE } from './state-arguments';
export type { StateSafetyAspectProps } from './state-safety-aspect';
export { StateSafetyAspect } from './state-safety-aspect';
export type { StatefulResourceType } from './stateful-resources';
export {
  hasExplicitLogicalId,
  isStatefulResource,
  isStatefulResourceType,
  resourceAddress,
  STATEFUL_RESOURCE_TYPES,
} from './stateful-resources';
