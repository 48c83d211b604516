package org.springframework.cloud.loadbalancer.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stub of Spring Cloud LoadBalancer's @LoadBalancerClient. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LoadBalancerClient {
    String value() default "";

    String name() default "";

    Class<?>[] configuration() default {};
}
