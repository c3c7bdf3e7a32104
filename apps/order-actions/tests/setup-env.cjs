// Quiet test output: the handler's JSON logs (5xx answers are logged on purpose by some tests) and the SDK's
// notice about Node.js 20. Set either variable yourself to see them.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
