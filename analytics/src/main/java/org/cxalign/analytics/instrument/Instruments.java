package org.cxalign.analytics.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Access to the instruments shipped with the analytics module. */
public final class Instruments {

  /** Classpath resource of the built-in instrument. */
  public static final String BUILT_IN_RESOURCE = "cx-maturity-alignment.json";

  private static final Instrument BUILT_IN = load(BUILT_IN_RESOURCE);

  private Instruments() {}

  /**
   * The built-in instrument "CX maturity and alignment": a block of statements per CX level 1–6,
   * data levels 0–3, the six disciplines, the IDIC interaction and customisation scales, the five
   * pyramid levels, five matched employee/customer perception-gap pairs and the collaboration
   * template {@code collab} (generated per department as {@code collab.<Department>}).
   */
  public static Instrument builtIn() {
    return BUILT_IN;
  }

  private static Instrument load(String resource) {
    try (InputStream in = Instruments.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return InstrumentJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
