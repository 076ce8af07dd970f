package org.communitykiosk.plugins.internal;

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
        return new FakeContext(ADMIN, null, segments);
    }

    static FakeContext resident(Resident resident, String... segments) {
        return new FakeContext(null, resident, segments);
    }
}
