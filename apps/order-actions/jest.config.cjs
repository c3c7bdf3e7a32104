module.exports = { ...require('../../jest.preset.cjs'), setupFiles: ['<rootDir>/tests/setup-env.cjs'] };
