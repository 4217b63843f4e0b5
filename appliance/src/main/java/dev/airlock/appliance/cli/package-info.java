/**
 * The {@code airlock} command line (picocli): one small command class per subcommand, all
 * calling the appliance's services. Exit codes: 0 ok, 1 input rejected, 2 usage, 3 internal.
 */
package dev.airlock.appliance.cli;
