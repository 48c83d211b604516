package org.springframework.cloud.loadbalancer.support;

import org.springframework.beans.factory.ObjectProvider;

/** Stub of Spring Cloud LoadBalancer's LoadBalancerClientFactory. */
public class LoadBalancerClientFactory {
    public static final String PROPERTY_NAME = "loadbalancer.client.name";

    public <T> ObjectProvider<T> getLazyProvider(String name, Class<T> type) {
        return null;
    }
}
