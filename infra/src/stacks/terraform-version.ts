/**
 * The oldest Terraform every stack accepts: the S3 backend's `use_lockfile` (S3-native state locking) needs 1.10.
 * Each stack pins it as `required_version`; the operator commands check the installed binary against it.
 */
export const MIN_TERRAFORM_VERSION = '1.10.0';

/** The `terraform.required_version` constraint written into every stack. */
export const REQUIRED_TERRAFORM_VERSION = `>= ${MIN_TERRAFORM_VERSION}`;
