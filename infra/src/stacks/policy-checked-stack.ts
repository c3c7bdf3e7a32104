import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, S3Backend, TerraformStack } from 'cdktf';
import type { Construct, IConstruct } from 'constructs';
import { ConstructPropsError } from '../errors';
import { partitionOf } from '../iam';
import { PolicyRulesAspect } from '../policy';
import { stateKey } from './names';
import { REQUIRED_TERRAFORM_VERSION } from './terraform-version';

export interface ProviderSettings {
  readonly accountId: string;
  readonly region: string;
  /** Tags on every taggable resource (the provider's default_tags). */
  readonly tags: Readonly<Record<string, string>>;
  /**
   * A role in `accountId` the provider assumes (`assume_role`): Terraform runs from another account, and
   * `allowed_account_ids` checks the assumed identity, the one that manages the resources.
   * @default none: the provider uses the caller's credentials as they are
   */
  readonly assumeRoleArn?: string;
}

/** Where a stack keeps its state in the state bucket. */
export interface StateBackendSettings {
  readonly bucketName: string;
  readonly region: string;
  /**
   * A role in the state account the S3 backend assumes (`assume_role`).
   * @default none: the caller's credentials reach the bucket (same account, or the bucket policy's grant)
   */
  readonly roleArn?: string;
}

/** Which account and region an ARN names; an empty string leaves that part out (`arn:aws:iam::...`). */
export interface ArnOptions {
  /** @default the stack's region */
  readonly region?: string;
  /** @default the stack's account */
  readonly account?: string;
}

/**
 * A stack that is checked against the policy rules at synth, with one AWS provider locked to one account
 * (`allowed_account_ids`: credentials of another account fail before anything is planned) default tags and the
 * Terraform version it needs (`required_version`).
 * Constructs read the account, region and partition from it (`PolicyCheckedStack.of(this)`), as CDK
 * constructs read them from `Stack.of(this)`: they are the stack's, not each construct's, to choose.
 */
export class PolicyCheckedStack extends TerraformStack {
  /** The policy-checked stack `construct` belongs to; a ConstructPropsError when it is outside one. */
  public static override of(construct: IConstruct): PolicyCheckedStack {
    const stack = [...construct.node.scopes].reverse().find((scope) => scope instanceof PolicyCheckedStack);
    if (stack === undefined) {
      throw new ConstructPropsError(
        `${construct.node.path}: must be inside a PolicyCheckedStack (it reads its account and region from there)`,
      );
    }
    return stack as PolicyCheckedStack;
  }

  public readonly provider: AwsProvider;
  /** The one account the provider accepts credentials of. */
  public readonly account: string;
  public readonly region: string;
  /** The region's ARN partition (aws, aws-cn, aws-us-gov). */
  public readonly partition: string;

  public constructor(scope: Construct, id: string, provider: ProviderSettings) {
    super(scope, id);
    this.account = provider.accountId;
    this.region = provider.region;
    this.partition = partitionOf(provider.region);
    // Older terraform fails at init with its own message, before it could misread the backend settings.
    this.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
    Aspects.of(this).add(new PolicyRulesAspect());
    this.provider = new AwsProvider(this, 'aws', {
      region: provider.region,
      allowedAccountIds: [provider.accountId],
      defaultTags: [{ tags: { ...provider.tags } }],
      ...(provider.assumeRoleArn === undefined
        ? {}
        : { assumeRole: [{ roleArn: provider.assumeRoleArn, sessionName: `${id}-terraform` }] }),
    });
  }

  /** `arn:<partition>:<service>:<region>:<account>:<resource>`, in this stack's account and region by default. */
  public formatArn(service: string, resource: string, options: ArnOptions = {}): string {
    const { region = this.region, account = this.account } = options;
    return `arn:${this.partition}:${service}:${region}:${account}:${resource}`;
  }

  /** Keeps this stack's state in the state bucket, encrypted, with S3-native locking (Terraform >= 1.10). */
  protected useStateBucket(state: StateBackendSettings): void {
    new S3Backend(this, {
      bucket: state.bucketName,
      key: stateKey(this.node.id),
      region: state.region,
      encrypt: true,
      ...(state.roleArn === undefined
        ? {}
        : { assumeRole: { roleArn: state.roleArn, sessionName: `${this.node.id}-state` } }),
    });
    // cdktf 0.21's S3Backend has no useLockfile; the DynamoDB lock table is deprecated by Terraform.
    this.addOverride('terraform.backend.s3.use_lockfile', true);
  }
}
