import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { StateConfig } from '../config/types';
import { PolicyRulesAspect } from '../policy';
import { stateKey } from './names';

export interface ProviderSettings {
  readonly accountId: string;
  readonly region: string;
  /** Tags on every taggable resource (the provider's default_tags). */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A stack that is checked against the policy rules at synth, with one AWS provider locked to one account
 * (`allowed_account_ids`: credentials of another account fail before anything is planned) and default tags.
 */
export class PolicyCheckedStack extends TerraformStack {
  public readonly provider: AwsProvider;

  public constructor(scope: Construct, id: string, provider: ProviderSettings) {
    super(scope, id);
    Aspects.of(this).add(new PolicyRulesAspect());
    this.provider = new AwsProvider(this, 'aws', {
      region: provider.region,
      allowedAccountIds: [provider.accountId],
      defaultTags: [{ tags: { ...provider.tags } }],
    });
  }

  /** Keeps this stack's state in the state bucket, encrypted, with S3-native locking (Terraform >= 1.10). */
  protected useStateBucket(state: StateConfig): void {
    new S3Backend(this, {
      bucket: state.bucketName,
      key: stateKey(this.node.id),
      region: state.region,
      encrypt: true,
    });
    // cdktf 0.21's S3Backend has no useLockfile; the DynamoDB lock table is deprecated by Terraform.
    this.addOverride('terraform.backend.s3.use_lockfile', true);
  }
}
