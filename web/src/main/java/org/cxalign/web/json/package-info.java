/**
 * JSON processing shared by the whole API: one JSON-B instance for every entity RESTEasy reads or
 * writes, and the JSON-P factories the request guards and body readers parse with, each created
 * once instead of once per request.
 */
package org.cxalign.web.json;
