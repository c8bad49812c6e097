package io.datum.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link JobContext} that takes every warning as a kind and a detail: a warning given as one
 * text is that kind with the empty detail. An implementation writes only
 * {@link #warn(String, String, long)}.
 *
 * @since 1.5
 */
@ConsumerType
public interface KindedJobContext extends JobContext {
    @Override
    default void warn(String message) {
        warn(message, "", 1);
    }

    @Override
    default void warn(String message, long times) {
        warn(message, "", times);
    }

    @Override
    void warn(String kind, String detail, long times);
}
