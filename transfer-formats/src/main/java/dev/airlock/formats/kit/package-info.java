/**
 * Files the collector kit writes on lab machines and the appliance reads back: the machine
 * record ({@link dev.airlock.formats.kit.CollectorRecord}, XSD {@code collector-record-1.xsd})
 * , the activation kit ({@link dev.airlock.formats.kit.ActivationKit}, {@code activation-kit-1.xsd}), the
 * apply mode's result ({@link dev.airlock.formats.kit.ApplyResult}, {@code apply-result-1.xsd}, which
 * embeds a machine record) and the kit's scripts as resources. These files hold identity data and
 * never leave the lab.
 */
package dev.airlock.formats.kit;
