package org.springframework.cloud.client.loadbalancer.reactive;

/** Stub of Spring Cloud Commons' ReactorLoadBalancer. */
public interface ReactorLoadBalancer<T> {
}
