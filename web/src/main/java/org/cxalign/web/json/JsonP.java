package org.cxalign.web.json;

import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.io.Reader;
import java.util.Map;

/**
 * JSON-P readers and parsers from factories made once. {@code Json.createReader} and {@code
 * Json.createParser} look the provider up (a ServiceLoader scan of the deployment's jars) on every
 * call; the factories are thread-safe and carry the default configuration.
 */
public final class JsonP {

  private static final JsonProvider PROVIDER = JsonProvider.provider();
  private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
  private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

  private JsonP() {}

  /** A reader of UTF-8 (or detected Unicode) JSON bytes. */
  public static JsonReader reader(InputStream in) {
    return READERS.createReader(in);
  }

  /** A reader of JSON text. */
  public static JsonReader reader(Reader in) {
    return READERS.createReader(in);
  }

  /** A streaming parser of UTF-8 (or detected Unicode) JSON bytes. */
  public static JsonParser parser(InputStream in) {
    return PARSERS.createParser(in);
  }
}
