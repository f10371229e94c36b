package dev.landmarks.it.stages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/** What a stage opened (extractors, fetch pools, models), closed in reverse order; a failing close is only logged. */
final class Resources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            AutoCloseable r = opened.pop();
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("could not close {}: {}", r, e.toString());
            }
        }
    }
}
