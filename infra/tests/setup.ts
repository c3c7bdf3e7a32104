import { Testing } from 'cdktf';
// Brings the matchers' types (toHaveResourceWithProperties, ...) into the type check.
import type {} from 'cdktf/lib/testing/adapters/jest';

Testing.setupJest();
