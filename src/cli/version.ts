/** The version printed by --version and recorded in ADR blocks; kept equal to package.json by a test. */
export const VERSION = '0.1.0';
