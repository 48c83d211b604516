package org.springframework.cloud.client;

/** Stub of Spring Cloud Commons' ServiceInstance. */
public interface ServiceInstance {
    String getServiceId();
}
