import { Testing } from 'cdktf';
// Brings the matchers' types (toHaveResourceWithProperties, ...) into the type check.
import type {} from 'cdktf/lib/testing/adapters/jest';
import { removeTestOutdir } from './helpers';

Testing.setupJest();
afterAll(removeTestOutdir);
