package org.communitykiosk.bloodpressure.device;

import java.util.Objects;

/** What decoding a record gave: a {@link Decoded} measurement or a typed {@link Failed} reason, never an exception. */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Failed {

    record Decoded(Measurement measurement) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(measurement, "measurement");
        }
    }

    /**
     * @param reason why the record was refused
     * @param offset the byte offset where decoding stopped
     */
    record Failed(DecodeFailure reason, int offset) implements DecodeResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a record was refused. */
    enum DecodeFailure {
        /** No bytes at all. */
        EMPTY,
        /** Fewer bytes than the flags announce. */
        TRUNCATED,
        /** More bytes than the flags announce. */
        TRAILING_BYTES,
        /** A time stamp that is no date and time (month 13, 30 February, hour 24 ...). */
        INVALID_TIME_STAMP,
        /** A pressure or pulse that no human body produces: a corrupt record, not a reading. */
        IMPLAUSIBLE_VALUE
    }

    default boolean succeeded() {
        return this instanceof Decoded;
    }
}
