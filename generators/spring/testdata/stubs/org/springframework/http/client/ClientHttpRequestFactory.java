package org.springframework.http.client;

/** Stub of Spring's ClientHttpRequestFactory. */
public interface ClientHttpRequestFactory {
}
