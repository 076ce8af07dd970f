package org.communitykiosk.itests;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test runs past the suite's time limit (the pom's {@code junit.jupiter.execution.timeout.default}), prints
 * where every thread of the test JVM stands: the report then says what the test waited for (a browser, the kiosk's ssh
 * shell, a page), which the timeout alone does not. Registered for every test by JUnit's extension auto-detection.
 */
public final class StuckTestReport implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (thrown instanceof TimeoutException) {
            StringBuilder dump = new StringBuilder(context.getDisplayName()).append(" timed out; the test JVM's threads:\n");
            for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                dump.append('"').append(thread.getKey().getName()).append("\" ").append(thread.getKey().getState())
                        .append('\n');
                for (StackTraceElement frame : thread.getValue()) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
            System.err.println(dump);
        }
        throw thrown;
    }
}
