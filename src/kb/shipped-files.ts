/**
 * The shipped knowledge-base files, relative to data/, in load order: the one list the build, the CLI,
 * the tests and the benchmarks all use. The caller lists data/brokers/ (this module does no I/O).
 */
export function shippedKbFileNames(brokerFileNames: string[]): string[] {
  const brokers = brokerFileNames.filter((f) => f.endsWith('.yaml')).sort();
  return ['kb.yaml', 'model.yaml', 'rules.yaml', ...brokers.map((f) => `brokers/${f}`)];
}
