/**
 * Files the collector kit writes on lab machines and the appliance reads back: the machine
 * record ({@link dev.airlock.formats.kit.CollectorRecord}, XSD {@code collector-record-1.xsd})
 * and the kit's scripts as resources. These files hold identity data and never leave the lab.
 */
package dev.airlock.formats.kit;
