package org.communitykiosk.bloodpressure.internal;

/** The station settings a screen needs, read once when the screen is built. */
record Station(Guideline guideline, int restSeconds, int pauseSeconds) {

    static Station of(StationConfig config) {
        return new Station(Guideline.parse(config.guideline()), Math.max(0, config.restSeconds()),
                Math.max(0, config.pauseSeconds()));
    }
}
