// A file of its own, not an inline script: the page's Content-Security-Policy allows scripts from
// this server only. validatorUrl null: no badge fetched from validator.swagger.io.
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
});
