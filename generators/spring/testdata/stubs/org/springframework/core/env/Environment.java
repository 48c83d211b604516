package org.springframework.core.env;

/** Stub of Spring's Environment. */
public interface Environment {
    String getProperty(String key);
}
