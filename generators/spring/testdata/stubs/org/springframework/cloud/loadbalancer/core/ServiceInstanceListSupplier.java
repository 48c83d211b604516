package org.springframework.cloud.loadbalancer.core;

/** Stub of Spring Cloud LoadBalancer's ServiceInstanceListSupplier. */
public interface ServiceInstanceListSupplier {
    String getServiceId();
}
