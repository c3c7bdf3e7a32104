import { Testing } from 'cdktf';
// Brings the matchers' types (toHaveResourceWithProperties, ...) into the type check.
import type {} from 'cdktf/lib/testing/adapters/jest';
import { removeTestOutdir } from './helpers';

// The SDK's Node < 22 warning on every client: the README states the Node versions.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

Testing.setupJest();
afterAll(removeTestOutdir);
