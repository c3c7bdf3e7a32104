module.exports = {
  ...require('../jest.preset.cjs'),
  // cdktf's Testing matchers (toHaveResourceWithProperties, ...).
  setupFilesAfterEnv: ['<rootDir>/tests/setup.ts'],
};
