package io.github.resilience4j.bulkhead.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stub of Resilience4j 2.x's @Bulkhead. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Bulkhead {
    String name();

    String fallbackMethod() default "";

    Type type() default Type.SEMAPHORE;

    enum Type { DEFAULT, SEMAPHORE, THREADPOOL }
}
