/** Benchmark harness (a bench main, run by tests/bench.sh): intake throughput and status latency. */
package dev.airlock.bench;
