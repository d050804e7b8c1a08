// Swagger UI over the server's OpenAPI document (no inline script: the CSP forbids it).
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  window.ui = SwaggerUIBundle({ url: "/openapi", dom_id: "#swagger-ui", deepLinking: true });
});
