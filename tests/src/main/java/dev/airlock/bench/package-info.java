/** Benchmark harness (bench mains, run by tests/bench.sh): intake throughput, status latency and fixed costs (CostBench). */
package dev.airlock.bench;
