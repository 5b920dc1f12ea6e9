/** runcompare's version: package.json's and pyproject.toml's too (tests/unit/version.test.ts checks all three agree). */
export const VERSION = "0.1.0";
