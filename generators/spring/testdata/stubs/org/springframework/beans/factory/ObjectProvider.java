package org.springframework.beans.factory;

/** Stub of Spring's ObjectProvider. */
public interface ObjectProvider<T> {
    T getIfAvailable();
}
