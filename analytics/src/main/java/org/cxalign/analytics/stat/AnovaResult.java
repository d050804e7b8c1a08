package org.cxalign.analytics.stat;

/**
 * Result of {@link OneWayAnova}. Groups without observations are not counted.
 *
 * @param ssBetween SSB = Σ n_g (ȳ_g − ȳ)²
 * @param ssWithin SSW = Σ_g Σ_i (y_gi − ȳ_g)²
 * @param dfBetween G − 1 (0 when there are no groups)
 * @param dfWithin N − G
 * @param msBetween SSB/(G − 1), undefined when G &lt; 2
 * @param msWithin SSW/(N − G), undefined when N = G
 * @param f MSB/MSW, undefined when either is undefined or MSW = 0
 * @param pValue P(F_{G−1, N−G} &gt; f)
 * @param etaSquared SSB/(SSB + SSW), undefined when the total sum of squares is 0
 * @param icc1 ICC(1) = (MSB − MSW)/(MSB + (k − 1)MSW), k = N/G
 * @param icc2 ICC(2) = (MSB − MSW)/MSB
 * @param groups G, the number of groups with at least one observation
 * @param n N, the number of observations
 */
public record AnovaResult(
    double ssBetween,
    double ssWithin,
    double dfBetween,
    double dfWithin,
    Estimate msBetween,
    Estimate msWithin,
    Estimate f,
    Estimate pValue,
    Estimate etaSquared,
    Estimate icc1,
    Estimate icc2,
    int groups,
    long n) {}
