package org.springframework.http.client;

import java.time.Duration;

/** Stub of Spring 6.1's SimpleClientHttpRequestFactory. */
public class SimpleClientHttpRequestFactory implements ClientHttpRequestFactory {
    public void setConnectTimeout(Duration connectTimeout) {
    }

    public void setReadTimeout(Duration readTimeout) {
    }
}
