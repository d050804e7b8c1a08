/**
 * A small JSON reader ({@link org.cxalign.analytics.json.Json#parse(String)}) and a streaming
 * writer ({@link org.cxalign.analytics.json.JsonWriter}) for the analytics module, so that the
 * module and its command line need no JSON library. Numbers are read as {@code Double}; a
 * non-finite number can never be written. {@link org.cxalign.analytics.json.EstimateJson} writes a
 * possibly undefined figure the one way every analytics document does.
 */
package org.cxalign.analytics.json;
