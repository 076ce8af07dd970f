package org.communitykiosk.deliberation.internal;

import static org.communitykiosk.deliberation.internal.FakeContext.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.testing.MutableClock;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.deliberation.internal.Council.Eligibility;
import org.communitykiosk.deliberation.internal.Council.Meeting;
import org.communitykiosk.deliberation.internal.Council.MeetingDraft;
import org.communitykiosk.deliberation.internal.Council.Poll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** Meetings for a grid (网格): the configuration, calling the meeting, and who may check in and vote. */
class GridTest {

    private static final Map<String, List<String>> GRIDS = VoteRules.parseGrids("一网格=1,2,3;二网格=4,5");

    private final TestDatabase db = new TestDatabase();
    private final PollEvents events = new PollEvents();
    private final JdbcCouncil council = new JdbcCouncil(db.transactions(), db.migrations(), db.auditLog(), db.clock(),
            events, 1, GRIDS);

    @AfterEach
    void close() {
        events.stop();
        db.close();
    }

    private static MeetingDraft gridDraft(String grid) {
        return new MeetingDraft("一网格议事会", MutableClock.START, "活动室", Eligibility.GRID, null, 1, grid);
    }

    private static String problem(Runnable action) {
        return assertThrows(InvalidInputException.class, action::run).problems().get(0).key();
    }

    @Test
    void gridsAreReadInTheWrittenOrderAlsoWithChinesePunctuation() {
        assertEquals(List.of("一网格", "二网格"), List.copyOf(GRIDS.keySet()));
        assertEquals(List.of("1", "2", "3"), GRIDS.get("一网格"));
        assertEquals(Map.of("东片", List.of("7", "8A", "9")), VoteRules.parseGrids(" 东片 ＝ 7，8A、9 ；"));
        assertEquals(Map.of(), VoteRules.parseGrids(""));
        assertEquals(Map.of(), VoteRules.parseGrids(null));
    }

    @Test
    void aMistypedGridIsRefusedWithTheEntryNamed() {
        IllegalArgumentException noEquals = assertThrows(IllegalArgumentException.class,
                () -> VoteRules.parseGrids("一网格=1,2;二网格 4,5"));
        assertTrue(noEquals.getMessage().contains("二网格 4,5"), noEquals.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VoteRules.parseGrids("一网格="));
        assertThrows(IllegalArgumentException.class, () -> VoteRules.parseGrids("=1,2"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> VoteRules.parseGrids("一网格=1;一网格=2"));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    }

    @Test
    void aGridMeetingMustNameAConfiguredGridAndNothingIsWrittenOtherwise() {
        assertEquals("deliberation.problem.grid.required", problem(() -> council.createMeeting(gridDraft(" "),
                JdbcCouncilTest.CHAIR)));
        assertEquals("deliberation.problem.grid.unknown", problem(() -> council.createMeeting(gridDraft("三网格"),
                JdbcCouncilTest.CHAIR)));
        assertEquals(List.of(), council.meetings());

        Meeting meeting = council.createMeeting(gridDraft("一网格"), JdbcCouncilTest.CHAIR);
        assertEquals(Eligibility.GRID, meeting.eligibility());
        assertEquals("一网格", meeting.grid());
        assertEquals(List.of("1", "2", "3"), meeting.gridBuildings());
        // the grid is only kept for a grid meeting
        Meeting all = council.createMeeting(new MeetingDraft("全体", MutableClock.START, "活动室", Eligibility.ALL, null,
                1, "一网格"), JdbcCouncilTest.CHAIR);
        assertEquals(null, all.grid());
        assertEquals(List.of(), all.gridBuildings());
    }

    @Test
    void onlyResidentsOfTheGridsBuildingsCheckInAndVote() {
        Meeting meeting = council.createMeeting(gridDraft("一网格"), JdbcCouncilTest.CHAIR);
        Resident inside = JdbcCouncilTest.resident(1, "3", "H1");
        Resident outside = JdbcCouncilTest.resident(2, "4", "H2");
        Resident noBuilding = JdbcCouncilTest.resident(3, null, "H3");

        assertTrue(council.checkIn(meeting.id(), inside, JdbcCouncilTest.CHAIR).newly());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> council.checkIn(meeting.id(), outside, JdbcCouncilTest.CHAIR));
        assertEquals("deliberation.problem.voter.notInGrid", refused.problems().get(0).key());
        assertEquals("This meeting is for residents of 一网格 (buildings 1, 2, 3) only.",
                FakeContext.staff().describe(refused));
        assertEquals("deliberation.problem.voter.notInGrid",
                problem(() -> council.checkIn(meeting.id(), noBuilding, JdbcCouncilTest.CHAIR)));
        assertEquals(List.of(1L), council.attendees(meeting.id()));

        Poll poll = JdbcCouncilTest.yesNoPoll(council, meeting.id(), true);
        // refused as outside the grid, before anything else about the voter
        assertEquals("deliberation.problem.voter.notInGrid", problem(() -> council.checkVoter(poll.id(), outside)));
        assertEquals("deliberation.problem.voter.notInGrid",
                problem(() -> council.cast(poll.id(), outside, List.of(0))));
        council.cast(poll.id(), inside, List.of(0));
        assertEquals(1, council.poll(poll.id()).orElseThrow().ballotsCast());
    }

    @Test
    void aMeetingKeepsItsBuildingsWhenTheGridsAreConfiguredAgain() {
        Meeting meeting = council.createMeeting(gridDraft("二网格"), JdbcCouncilTest.CHAIR);
        JdbcCouncil reconfigured = new JdbcCouncil(db.transactions(), db.migrations(), db.auditLog(), db.clock(),
                events, 1, VoteRules.parseGrids("二网格=6"));
        assertEquals(List.of("4", "5"), reconfigured.meeting(meeting.id()).orElseThrow().gridBuildings());
        assertTrue(reconfigured.checkIn(meeting.id(), JdbcCouncilTest.resident(5, "5", "H5"), JdbcCouncilTest.CHAIR)
                .newly());
        assertEquals("deliberation.problem.voter.notInGrid", problem(() -> reconfigured.checkIn(meeting.id(),
                JdbcCouncilTest.resident(6, "6", "H6"), JdbcCouncilTest.CHAIR)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffChooseTheGridByNameWhenCallingAMeeting() throws Exception {
        DeliberationPlugin plugin = new DeliberationPlugin(council, new JdbcMatters(db.transactions(),
                db.migrations(), db.auditLog(), db.clock(), 2), events, db.identification(), db.residents(),
                db.clock(), 1);
        FakeContext staff = FakeContext.staff();
        Component screen = plugin.views().stream().filter(v -> v.path().equals("meeting")).findFirst().orElseThrow()
                .factory().create(staff);
        Select<Eligibility> eligibility = (Select<Eligibility>) get(screen, "meeting-eligibility");
        Select<String> grid = (Select<String>) get(screen, "meeting-grid");
        assertFalse(grid.isVisible());
        eligibility.setValue(Eligibility.GRID);
        assertTrue(grid.isVisible());
        assertEquals("一网格 (buildings 1, 2, 3)", grid.getItemLabelGenerator().apply("一网格"));
        assertEquals("Residents of a grid", eligibility.getItemLabelGenerator().apply(Eligibility.GRID));

        ((TextField) get(screen, "meeting-title")).setValue("二网格议事会");
        ((DateTimePicker) get(screen, "meeting-starts")).setValue(java.time.LocalDateTime.of(2026, 6, 1, 19, 0));
        ((TextField) get(screen, "meeting-place")).setValue("活动室");
        ((Button) get(screen, "meeting-create")).click();
        assertEquals("Please choose the grid.", ((HasText) get(screen, "meeting-error")).getText());
        grid.setValue("二网格");
        ((Button) get(screen, "meeting-create")).click();
        Meeting meeting = council.meetings().get(0);
        assertEquals("二网格", meeting.grid());
        assertEquals(List.of("meeting/" + meeting.id()), staff.navigations);
    }

    @Test
    void withoutGridsNoGridMeetingIsOffered() throws Exception {
        JdbcCouncil plain = new JdbcCouncil(db.transactions(), db.migrations(), db.auditLog(), db.clock(), events, 1);
        DeliberationPlugin plugin = new DeliberationPlugin(plain, new JdbcMatters(db.transactions(), db.migrations(),
                db.auditLog(), db.clock(), 2), events, db.identification(), db.residents(), db.clock(), 1);
        Component screen = plugin.views().stream().filter(v -> v.path().equals("meeting")).findFirst().orElseThrow()
                .factory().create(FakeContext.staff());
        @SuppressWarnings("unchecked")
        Select<Eligibility> eligibility = (Select<Eligibility>) get(screen, "meeting-eligibility");
        assertEquals(List.of(Eligibility.ALL, Eligibility.BUILDING, Eligibility.HOUSEHOLD),
                eligibility.getListDataView().getItems().toList());
    }
}
