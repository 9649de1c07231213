// web-test-runner runs browser tests with mocha: its globals (describe, it, hooks) are ambient there.
/// <reference types="mocha" />
