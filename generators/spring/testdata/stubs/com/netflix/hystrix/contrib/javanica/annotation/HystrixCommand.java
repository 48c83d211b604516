package com.netflix.hystrix.contrib.javanica.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stub of javanica's @HystrixCommand (Hystrix 1.5, maintenance mode). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HystrixCommand {
    String groupKey() default "";

    String commandKey() default "";

    String fallbackMethod() default "";
}
