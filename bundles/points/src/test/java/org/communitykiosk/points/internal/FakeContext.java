package org.communitykiosk.points.internal;

import java.util.List;

import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.StaffMember;
import org.communitykiosk.core.testing.FakeViewContext;

/** The shell as this plugin's screens see it in tests (kiosk-core's {@link FakeViewContext}), with named factories. */
final class FakeContext extends FakeViewContext {

    private FakeContext(StaffMember staff, Resident resident, String... segments) {
        super(staff, resident, List.of(segments));
    }

    static FakeContext passerBy(String... segments) {
        return new FakeContext(null, null, segments);
    }

    static FakeContext staff(String... segments) {
        return new FakeContext(STAFF, null, segments);
    }

    static FakeContext resident(Resident resident, String... segments) {
        return new FakeContext(null, resident, segments);
    }

    @Override
    protected boolean mayBeUntranslated(String key) {
        // as the shell shows a category staff configured without translation
        return key.startsWith("points.category.");
    }
}
