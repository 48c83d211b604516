package org.springframework.web.client;

import org.springframework.http.client.ClientHttpRequestFactory;

/** Stub of Spring 6.1's RestClient: the fluent calls generated code makes. */
public interface RestClient {
    RequestHeadersUriSpec<?> get();

    static Builder builder() {
        throw new UnsupportedOperationException("stub");
    }

    interface Builder {
        Builder baseUrl(String baseUrl);

        Builder requestFactory(ClientHttpRequestFactory requestFactory);

        RestClient build();
    }

    interface UriSpec<S extends RequestHeadersSpec<?>> {
        S uri(String uri, Object... uriVariables);
    }

    interface RequestHeadersSpec<S extends RequestHeadersSpec<S>> {
        ResponseSpec retrieve();
    }

    interface RequestHeadersUriSpec<S extends RequestHeadersSpec<S>> extends UriSpec<S>, RequestHeadersSpec<S> {
    }

    interface ResponseSpec {
        <T> T body(Class<T> bodyType);
    }
}
