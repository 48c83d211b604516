package io.github.resilience4j.circuitbreaker.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stub of Resilience4j 2.x's @CircuitBreaker: the attributes generated code may use. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CircuitBreaker {
    String name();

    String fallbackMethod() default "";
}
