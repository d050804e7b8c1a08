/**
 * The survey instrument: items, the dimensions they form, the maturity model each dimension
 * measures, matched employee/customer items and the per-department collaboration block.
 *
 * <p>{@link org.cxalign.analytics.instrument.Instrument} is an immutable, validated value; {@link
 * org.cxalign.analytics.instrument.InstrumentJson} reads and writes it; {@link
 * org.cxalign.analytics.instrument.Instruments#builtIn()} loads the built-in instrument "CX
 * maturity and alignment". Item ids are stable and readable ({@code cx.l5.1}, {@code
 * disc.culture.2}, {@code gap.seamless.customer}) because the server stores and versions
 * instruments by them.
 */
package org.cxalign.analytics.instrument;
