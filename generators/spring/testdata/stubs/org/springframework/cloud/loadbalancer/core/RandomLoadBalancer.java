package org.springframework.cloud.loadbalancer.core;

import org.springframework.beans.factory.ObjectProvider;

/** Stub of Spring Cloud LoadBalancer's RandomLoadBalancer. */
public class RandomLoadBalancer implements ReactorServiceInstanceLoadBalancer {
    public RandomLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> supplier, String serviceId) {
    }
}
