/** Realistic, clearly fake collector files so anyone can try Airlock without a lab; also feeds benchmarks. */
package dev.airlock.appliance.demo;
