/**
 * HTTP: {@link io.vigie.stream.http.HttpApi} serves health, readiness, Prometheus metrics and interactive state queries.
 */
package io.vigie.stream.http;
