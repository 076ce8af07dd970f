package org.communitykiosk.ui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import elemental.json.Json;
import elemental.json.JsonObject;

/** Which messages from a page count as a person's activity, as Vaadin 23.3's client sends them. */
class ActivityTest {

    private static JsonObject json(String text) {
        return Json.parse(text);
    }

    @Test
    void tapsTypingNavigationAndCardReadsCount() {
        assertTrue(Activity.counts(json("{\"type\":\"event\",\"node\":12,\"event\":\"click\",\"data\":{}}")));
        assertTrue(Activity.counts(json("{\"type\":\"mSync\",\"node\":14,\"feature\":1,\"property\":\"value\","
                + "\"value\":\"138\"}")));
        assertTrue(Activity.counts(json("{\"type\":\"navigation\",\"location\":\"points\",\"link\":1}")));
        assertTrue(Activity.counts(json("{\"type\":\"publishedEventHandler\",\"node\":3,"
                + "\"templateEventMethodName\":\"cardRead\",\"templateEventMethodArgs\":[\"10000001\"],\"promise\":0}")));
        assertTrue(Activity.counts(json("{\"type\":\"publishedEventHandler\",\"node\":3,"
                + "\"templateEventMethodName\":\"touched\",\"templateEventMethodArgs\":[],\"promise\":0}")));
    }

    @Test
    void whatThePageSendsByItselfDoesNotCount() {
        assertFalse(Activity.counts(json("{\"type\":\"event\",\"node\":1,\"event\":\"ui-poll\",\"data\":{}}")),
                "a screen's poll");
        assertFalse(Activity.counts(json("{\"type\":\"publishedEventHandler\",\"node\":3,"
                + "\"templateEventMethodName\":\"idle\",\"templateEventMethodArgs\":[],\"promise\":0}")),
                "the shell's own idle report");
        assertFalse(Activity.counts(json("{\"type\":\"publishedEventHandler\",\"node\":3,"
                + "\"templateEventMethodName\":\"sessionEnded\",\"templateEventMethodArgs\":[],\"promise\":0}")));
        assertFalse(Activity.counts(json("{\"type\":\"mSync\",\"node\":40,\"feature\":1,\"property\":\"opened\","
                + "\"value\":false}")), "a notification closing by itself");
        assertFalse(Activity.counts(json("{\"type\":\"event\",\"node\":40,\"event\":\"opened-changed\",\"data\":{}}")));
        assertFalse(Activity.counts(json("{\"type\":\"channel\",\"node\":3,\"channel\":0,\"args\":[null]}")),
                "the answer to the server's own script");
        assertFalse(Activity.counts(json("{\"node\":3}")), "no type");
    }
}
