const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] };

/** @type {import('jest').Config} */
module.exports = {
  // The browser and bundle tests build artefacts first; keep workers few on a 2-core machine.
  maxWorkers: 2,
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
  projects: [
    {
      displayName: 'server',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/weapp/'],
      transform,
    },
    {
      // The mini-program's WeChat path (issue 7): client code run with TARO_ENV=weapp and
      // `@tarojs/taro` mapped to a stand-in whose cloud.callFunction is the transport boundary.
      // Only test/weapp/ sees these mappings.
      displayName: 'weapp',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/weapp'],
      setupFiles: ['<rootDir>/test/weapp/setup-env.ts'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/weapp/taro-stand-in.ts',
        '^@shared/(.*)$': '<rootDir>/shared/$1',
      },
      transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }] },
    },
  ],
};
