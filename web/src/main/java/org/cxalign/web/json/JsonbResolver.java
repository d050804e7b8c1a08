package org.cxalign.web.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one {@link Jsonb} of the API. Without a resolver, RESTEasy's JSON-B provider builds a new
 * {@code Jsonb} for every entity it reads or writes (a ServiceLoader scan of the deployment's jars,
 * a new Yasson context, and the serializers of the class rebuilt each time) and closes it after: in
 * the ingestion benchmark's profile that was about a sixth of the server's CPU per submission, for
 * writing a four-field receipt. A {@code Jsonb} is thread-safe and keeps what it learns about a
 * class, so one shared instance (default configuration, as before) serves every request.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
