package dev.landmarks.common.service;

import org.slf4j.Logger;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a service's work until the JVM is asked to stop (SIGTERM from a container runtime, Ctrl-C), then lets it
 * finish cleanly: the JVM does not wait for {@code main} once shutdown starts, so the shutdown hook holds it until the
 * work has committed what it has and closed. A run that ends on an error exits the process with status 1, so a
 * supervisor (compose {@code restart: on-failure}, Kubernetes) restarts it instead of leaving it idle.
 */
public final class ServiceRunner {
    /** The service's work: runs until {@code stop} opens, returns null after a requested stop, else the error. */
    @FunctionalInterface
    public interface Work {
        Throwable run(CountDownLatch stop) throws Exception;
    }

    private ServiceRunner() {
    }

    public static void runUntilShutdown(String name, Logger log, Work work) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-shutdown"));
        Throwable failure;
        try {
            failure = work.run(stop);
        } finally {
            closed.countDown();
        }
        if (failure != null) {
            log.error("{} stopped on an error; exiting so the supervisor restarts it", name, failure);
            System.exit(1);
        }
    }
}
