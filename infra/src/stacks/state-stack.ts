import { LocalBackend, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import type { EnvironmentConfig, StateConfig } from '../config/types';
import { StateBucket } from '../constructs';
import { StateAccess } from '../constructs/state-bucket';
import { environmentStackName, stateKey, stateStackName } from './names';
import { PolicyCheckedStack } from './policy-checked-stack';

export interface StateStackProps {
  readonly project: string;
  readonly state: StateConfig;
  /**
   * Environments whose plan and apply roles get their own stack's state (and only that) in the bucket policy.
   * @default none: only identities of the state account reach the bucket
   */
  readonly environments?: readonly EnvironmentConfig[];
}

/**
 * The bootstrap stack: the state bucket every other stack keeps its state in. Its own state starts local (the
 * bucket does not exist yet) at the repository root, and moves into the bucket once `bootstrapBackend` is
 * `s3` and `npm run deploy -- state --migrate-state` has run.
 */
export class StateStack extends PolicyCheckedStack {
  public readonly bucket: StateBucket;

  public constructor(scope: Construct, props: StateStackProps) {
    super(scope, stateStackName(props.project), {
      accountId: props.state.accountId,
      region: props.state.region,
      tags: {
        project: props.project,
        environment: 'shared',
        owner: props.state.owner,
        'managed-by': 'cdktf',
      },
    });
    if (props.state.bootstrapBackend === 's3') {
      this.useStateBucket(props.state);
    } else {
      // Relative to the stack's working directory (cdktf.out/stacks/<stack>): the repository root, where
      // *.tfstate is git-ignored, and not inside cdktf.out, which a clean synth may delete.
      new LocalBackend(this, { path: `../../../terraform.${this.node.id}.tfstate` });
    }

    this.bucket = new StateBucket(this, 'StateBucket', {
      bucketName: props.state.bucketName,
      noncurrentVersionExpirationDays: props.state.noncurrentVersionExpirationDays,
    });
    for (const environment of props.environments ?? []) {
      const key = stateKey(environmentStackName(props.project, environment.name));
      this.bucket.grantStateAccess(environment.access.planRoleArn, key, StateAccess.planOnly);
      this.bucket.grantStateAccess(environment.access.applyRoleArn, key, StateAccess.readWrite);
    }
    new TerraformOutput(this, 'state_bucket', { value: this.bucket.bucketName });
    new TerraformOutput(this, 'region', { value: props.state.region });
  }
}
